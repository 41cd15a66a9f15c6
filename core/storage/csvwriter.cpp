#include "storage/csvwriter.h"

#include <QStringBuilder>

namespace wxpay::storage {

namespace {

constexpr qsizetype kFlushThreshold = 256 * 1024;

bool startsFormula(const QString& value)
{
    if (value.isEmpty())
        return false;
    const QChar first = value.front();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r';
}

bool needsQuotes(const QString& value)
{
    for (QChar c : value) {
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n')
            return true;
    }
    return false;
}

} // namespace

CsvWriter::CsvWriter(QIODevice& device) : m_device(device)
{ }

QString CsvWriter::field(const QString& value)
{
    QString text = startsFormula(value) ? u'\'' % value : value;
    if (!needsQuotes(text))
        return text;
    text.replace(u'"', QStringLiteral("\"\""));
    return u'"' % text % u'"';
}

Status CsvWriter::writeRow(const QStringList& fields)
{
    if (!m_started) {
        m_buffer.append("\xEF\xBB\xBF");
        m_started = true;
    }
    m_row.clear();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_row += u',';
        m_row += field(fields.at(i));
    }
    m_row += QStringLiteral("\r\n");
    m_buffer += m_row.toUtf8(); // one conversion per row
    if (m_buffer.size() >= kFlushThreshold)
        return flush();
    return {};
}

Status CsvWriter::flush()
{
    if (m_buffer.isEmpty())
        return {};
    if (m_device.write(m_buffer) != m_buffer.size())
        return Error::storage(QStringLiteral("EXPORT_FAILED"), u"cannot write the export: " % m_device.errorString());
    m_buffer.clear();
    return {};
}

} // namespace wxpay::storage
