#pragma once

// The APIv2 XML body: one flat <xml> element of named text fields. Parsing is deliberately narrow
// (no DTD, no nesting, bounded size) because these bodies come from the network.

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QMap>
#include <QString>
#include <QStringView>

namespace wxpay::protocol::v2 {

using Fields = QMap<QString, QString>;

// The largest v2 reply is refundquery with up to 50 refunds and their coupon fields, a few tens of KiB;
// 256 KiB leaves ample room while bounding what a hostile or broken peer can make us buffer and parse.
inline constexpr qsizetype kMaxXmlBytes = 256 * 1024;

// Parses `<root><name>value</name>...</root>` (values bare or CDATA, kept raw: no trimming).
// Protocol error codes: XML_TOO_LARGE, XML_DTD_FORBIDDEN (any DOCTYPE/ENTITY, so no entity is ever
// expanded), XML_ROOT, XML_NOT_FLAT, XML_DUPLICATE, XML_MALFORMED (incl. empty input).
Result<Fields> parseXml(QByteArrayView body, QStringView rootName = u"xml", qsizetype maxBytes = kMaxXmlBytes);

// `<xml><name><![CDATA[value]]></name>...</xml>` in name order, UTF-8, no declaration. Values must pass
// isXmlText(); a CR is written as &#13; so that the reader's line-end normalisation cannot change a signed value.
QByteArray toXml(const Fields& fields);

// Whether XML 1.0 can carry `text`: no control characters but tab, LF and CR, no U+FFFE/U+FFFF, no lone
// surrogates.
bool isXmlText(QStringView text);

} // namespace wxpay::protocol::v2
