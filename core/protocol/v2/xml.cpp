#include "protocol/v2/xml.h"

#include <QXmlStreamReader>

namespace wxpay::protocol::v2 {

namespace {

Error xmlError(const char* code, const QString& message)
{
    return Error::protocol(QString::fromLatin1(code), message);
}

} // namespace

Result<Fields> parseXml(QByteArrayView body, QStringView rootName, qsizetype maxBytes)
{
    if (body.size() > maxBytes)
        return xmlError("XML_TOO_LARGE",
            QStringLiteral("XML body of %1 bytes exceeds the limit of %2 bytes").arg(body.size()).arg(maxBytes));

    // First line of defence on the raw bytes; the reader's DTD token below catches encodings this misses.
    const QByteArray raw = body.toByteArray();
    const QByteArray lowered = raw.toLower();
    if (lowered.contains("<!doctype") || lowered.contains("<!entity"))
        return xmlError("XML_DTD_FORBIDDEN", QStringLiteral("XML with a DTD or entity declaration is refused"));

    QXmlStreamReader reader(raw);
    reader.setNamespaceProcessing(false);
    Fields fields;
    bool sawRoot = false;
    int depth = 0;
    QString name;
    QString value;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::DTD:
            return xmlError("XML_DTD_FORBIDDEN", QStringLiteral("XML with a DTD is refused"));
        case QXmlStreamReader::EntityReference:
            return xmlError("XML_MALFORMED", QStringLiteral("unresolved entity reference"));
        case QXmlStreamReader::StartElement:
            if (depth == 0) {
                if (reader.name() != rootName)
                    return xmlError(
                        "XML_ROOT", QStringLiteral("root element is <%1>, expected <%2>").arg(reader.name(), rootName));
                sawRoot = true;
            } else if (depth == 1) {
                name = reader.name().toString();
                value.clear();
            } else {
                return xmlError(
                    "XML_NOT_FLAT", QStringLiteral("element <%1> is nested in <%2>").arg(reader.name(), name));
            }
            ++depth;
            break;
        case QXmlStreamReader::EndElement:
            if (depth == 2) {
                if (fields.contains(name))
                    return xmlError("XML_DUPLICATE", QStringLiteral("element <%1> occurs twice").arg(name));
                fields.insert(name, value);
            }
            --depth;
            break;
        case QXmlStreamReader::Characters:
            if (depth == 2)
                value += reader.text();
            else if (depth == 1 && !reader.isWhitespace())
                return xmlError("XML_NOT_FLAT", QStringLiteral("text directly inside the root element"));
            break;
        default: // StartDocument, EndDocument, comments, processing instructions, errors (Invalid)
            break;
        }
    }
    if (reader.hasError())
        return xmlError("XML_MALFORMED",
            QStringLiteral("malformed XML at line %1, column %2: %3")
                .arg(reader.lineNumber())
                .arg(reader.columnNumber())
                .arg(reader.errorString()));
    if (!sawRoot)
        return xmlError("XML_MALFORMED", QStringLiteral("no root element"));
    return fields;
}

QByteArray toXml(const Fields& fields)
{
    QByteArray out = "<xml>";
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QByteArray name = it.key().toUtf8();
        // "]]>" cannot appear inside a CDATA section: end the section after "]]" and start a new one for ">".
        // A raw CR would be read back as LF, so it leaves the section as a character reference.
        QByteArray value = it.value().toUtf8();
        value.replace("]]>", "]]]]><![CDATA[>");
        value.replace('\r', "]]>&#13;<![CDATA[");
        out += '<' + name + "><![CDATA[" + value + "]]></" + name + '>';
    }
    out += "</xml>";
    return out;
}

bool isXmlText(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate() || c == u'\uFFFE' || c == u'\uFFFF')
            return false;
        if (c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r')
            return false;
    }
    return true;
}

} // namespace wxpay::protocol::v2
