#include "output.h"

#include "format.h"

#include <QJsonDocument>

#include <cstdio>

namespace wxpay::cli {

namespace {

void write(FILE* stream, const QString& text)
{
    std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
}

} // namespace

void Output::print(const QString& line)
{
    if (!m_json)
        write(stdout, line + u'\n');
}

void Output::note(const QString& line)
{
    write(stderr, line + u'\n');
}

void Output::set(const QString& key, const QJsonValue& value)
{
    m_document.insert(key, value);
}

void Output::publish()
{
    if (!m_json || m_published)
        return;
    m_published = true;
    QJsonObject document = m_document;
    document.insert(QStringLiteral("ok"), true);
    write(stdout, QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)));
}

void Output::finish(int exitCode, const std::optional<Error>& error, const QString& message)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_json && m_published) {
        if (error)
            write(stderr, QStringLiteral("wxpay-cli: ") + describeError(*error) + u'\n');
        return;
    }
    if (m_json) {
        QJsonObject document = m_document;
        document.insert(QStringLiteral("ok"), exitCode == 0);
        document.insert(QStringLiteral("exit_code"), exitCode);
        if (error)
            document.insert(QStringLiteral("error"), errorJson(*error));
        if (!message.isEmpty())
            document.insert(QStringLiteral("message"), message);
        write(stdout, QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)));
        return;
    }
    if (error)
        write(stderr, QStringLiteral("wxpay-cli: ") + describeError(*error) + u'\n');
    if (!message.isEmpty())
        write(exitCode == 0 ? stdout : stderr, message + u'\n');
}

} // namespace wxpay::cli
