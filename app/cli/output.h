#pragma once

// Where a command's results go. Human mode: text on stdout, errors on stderr. JSON mode (--json): exactly one JSON
// object on stdout when the command ends ({"ok", "exit_code", the command's fields, "error"?}); notes still go to
// stderr, so stdout stays parseable.

#include "common/error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace wxpay::cli {

class Output
{
public:
    void setJson(bool json) { m_json = json; }
    bool isJson() const { return m_json; }

    // One line of the human result (stdout); nothing in JSON mode, where set() carries the data.
    void print(const QString& line);
    // Progress and hints, on stderr in both modes.
    void note(const QString& line);
    // A field of the JSON document.
    void set(const QString& key, const QJsonValue& value);

    // For a command that keeps running (the sandbox server): writes the JSON document now, as the command's one
    // document, with "ok": true; finish() then adds nothing to stdout. Nothing in human mode.
    void publish();

    // Ends the output: JSON mode writes the document; human mode writes `message` (or the error) on stderr.
    void finish(int exitCode, const std::optional<Error>& error, const QString& message);

private:
    bool m_json = false;
    bool m_finished = false;
    bool m_published = false;
    QJsonObject m_document;
};

} // namespace wxpay::cli
