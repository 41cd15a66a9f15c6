#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace wxpay::storage {

// Writes CSV for spreadsheets: RFC 4180 (fields with commas, quotes or line breaks are quoted, quotes doubled,
// CRLF line ends), UTF-8 with a byte order mark so Excel reads Chinese correctly, buffered so that large
// exports reach the device in chunks.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice& device);
    Q_DISABLE_COPY_MOVE(CsvWriter)

    Status writeRow(const QStringList& fields); // the first row also writes the BOM
    Status flush(); // call once after the last row: rows are buffered

    // One field as it appears in the file. Spreadsheets treat a cell that starts with = + - @ as a formula (some
    // also after a leading tab or carriage return), which can run commands or leak data when the file is
    // opened ("CSV injection"). Such a value gets a leading apostrophe so it shows as text. Exported amounts are
    // never negative, so no number is altered by this.
    static QString field(const QString& value);

private:
    QIODevice& m_device;
    QByteArray m_buffer;
    QString m_row; // reused for every row
    bool m_started = false;
};

} // namespace wxpay::storage
