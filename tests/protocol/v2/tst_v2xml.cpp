#include "protocol/v2/xml.h"
#include "support/testsupport.h"

#include <QTest>

using namespace wxpay;
using namespace wxpay::protocol::v2;

namespace {

Fields fieldsOf(std::initializer_list<std::pair<const char*, const char*>> pairs)
{
    Fields fields;
    for (const auto& [name, value] : pairs)
        fields.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    return fields;
}

} // namespace

class TestV2Xml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void acceptsBodyAtTheSizeLimit();
    void writesCdata();
    void roundTrips_data();
    void roundTrips();
    void xmlText_data();
    void xmlText();
};

void TestV2Xml::parses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("root");
    QTest::addColumn<Fields>("fields");

    QTest::newRow("cdata and bare") << QByteArray(
        "<xml><return_code><![CDATA[SUCCESS]]></return_code><total_fee>1</total_fee></xml>")
                                    << "xml" << fieldsOf({ { "return_code", "SUCCESS" }, { "total_fee", "1" } });
    QTest::newRow("declaration, whitespace, comment") << QByteArray(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml>\n  <!-- reply -->\n  <a>1</a>\n"
        "  <b> x y </b>\n</xml>\n") << "xml" << fieldsOf({ { "a", "1" }, { "b", " x y " } });
    QTest::newRow("utf-8 value") << QByteArray(
        "<xml><err_code_des><![CDATA[需要用户输入支付密码]]></err_code_des></xml>")
                                 << "xml" << fieldsOf({ { "err_code_des", "需要用户输入支付密码" } });
    QTest::newRow("predefined and character entities")
        << QByteArray("<xml><a>&lt;b&gt; &amp; &quot;&#x41;&#66;</a></xml>") << "xml"
        << fieldsOf({ { "a", "<b> & \"AB" } });
    QTest::newRow("empty elements") << QByteArray("<xml><a/><b></b><c><![CDATA[]]></c></xml>") << "xml"
                                    << fieldsOf({ { "a", "" }, { "b", "" }, { "c", "" } });
    QTest::newRow("cdata split around ]]>")
        << QByteArray("<xml><a><![CDATA[x]]]]><![CDATA[>y]]></a></xml>") << "xml" << fieldsOf({ { "a", "x]]>y" } });
    QTest::newRow("text mixed with cdata")
        << QByteArray("<xml><a>a<![CDATA[<b>]]>c</a></xml>") << "xml" << fieldsOf({ { "a", "a<b>c" } });
    QTest::newRow("req_info root") << QByteArray("<root>\n<out_refund_no><![CDATA[1234]]></out_refund_no>\n</root>")
                                   << "root" << fieldsOf({ { "out_refund_no", "1234" } });
    QTest::newRow("no fields") << QByteArray("<xml></xml>") << "xml" << Fields();
}

void TestV2Xml::parses()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, root);
    QFETCH(Fields, fields);
    const auto parsed = parseXml(body, root);
    WXPAY_VERIFY_OK(parsed);
    QCOMPARE(parsed.value(), fields);
}

void TestV2Xml::rejects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("root");
    QTest::addColumn<qsizetype>("maxBytes");
    QTest::addColumn<QString>("code");

    const QByteArray billionLaughs = "<?xml version=\"1.0\"?>\n"
                                     "<!DOCTYPE lolz [\n"
                                     "<!ENTITY lol \"lol\">\n"
                                     "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                                     "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                                     "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                                     "]>\n"
                                     "<xml><return_code>&lol4;</return_code></xml>";
    // UTF-16 hides the DOCTYPE from the byte scan, so the reader's DTD token has to catch it.
    const QString utf16Text = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
                                             "<!DOCTYPE xml [<!ENTITY x \"y\">]><xml><a>&x;</a></xml>");
    QByteArray utf16("\xFF\xFE", 2);
    utf16.append(reinterpret_cast<const char*>(utf16Text.utf16()), utf16Text.size() * 2);

    const qsizetype cap = kMaxXmlBytes;
    QTest::newRow("doctype") << QByteArray("<!DOCTYPE xml><xml><a>1</a></xml>") << "xml" << cap << "XML_DTD_FORBIDDEN";
    QTest::newRow("lower-case doctype") << QByteArray("<!doctype xml><xml><a>1</a></xml>") << "xml" << cap
                                        << "XML_DTD_FORBIDDEN";
    QTest::newRow("entity declaration") << QByteArray("<xml><!ENTITY x \"y\"><a>1</a></xml>") << "xml" << cap
                                        << "XML_DTD_FORBIDDEN";
    QTest::newRow("xxe file") << QByteArray(
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        "<xml><return_code>&xxe;</return_code></xml>")
                              << "xml" << cap << "XML_DTD_FORBIDDEN";
    QTest::newRow("xxe parameter entity")
        << QByteArray("<!DOCTYPE xml [<!ENTITY % remote SYSTEM \"http://127.0.0.1/evil.dtd\"> %remote;]>"
                      "<xml><a>1</a></xml>")
        << "xml" << cap << "XML_DTD_FORBIDDEN";
    QTest::newRow("billion laughs") << billionLaughs << "xml" << cap << "XML_DTD_FORBIDDEN";
    QTest::newRow("utf-16 doctype") << utf16 << "xml" << cap << "XML_DTD_FORBIDDEN";
    QTest::newRow("over the default cap")
        << QByteArray("<xml><a>" + QByteArray(cap, 'x') + "</a></xml>") << "xml" << cap << "XML_TOO_LARGE";
    QTest::newRow("over a given cap") << QByteArray("<xml><a>0123456789</a></xml>") << "xml" << qsizetype(20)
                                      << "XML_TOO_LARGE";
    QTest::newRow("nested") << QByteArray("<xml><a><b>1</b></a></xml>") << "xml" << cap << "XML_NOT_FLAT";
    QTest::newRow("text in root") << QByteArray("<xml>hello<a>1</a></xml>") << "xml" << cap << "XML_NOT_FLAT";
    QTest::newRow("wrong root") << QByteArray("<root><a>1</a></root>") << "xml" << cap << "XML_ROOT";
    QTest::newRow("xml where root expected") << QByteArray("<xml><a>1</a></xml>") << "root" << cap << "XML_ROOT";
    QTest::newRow("duplicate") << QByteArray("<xml><a>1</a><a>2</a></xml>") << "xml" << cap << "XML_DUPLICATE";
    QTest::newRow("mismatched tags") << QByteArray("<xml><a>1</b></xml>") << "xml" << cap << "XML_MALFORMED";
    QTest::newRow("truncated") << QByteArray("<xml><a>1</a>") << "xml" << cap << "XML_MALFORMED";
    QTest::newRow("two roots") << QByteArray("<xml></xml><xml></xml>") << "xml" << cap << "XML_MALFORMED";
    QTest::newRow("undeclared entity") << QByteArray("<xml><a>&foo;</a></xml>") << "xml" << cap << "XML_MALFORMED";
    QTest::newRow("not xml") << QByteArray("No Bill Exist") << "xml" << cap << "XML_MALFORMED";
    QTest::newRow("empty") << QByteArray() << "xml" << cap << "XML_MALFORMED";
    QTest::newRow("whitespace only") << QByteArray(" \r\n") << "xml" << cap << "XML_MALFORMED";
}

void TestV2Xml::rejects()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, root);
    QFETCH(qsizetype, maxBytes);
    QFETCH(QString, code);
    const auto parsed = parseXml(body, root, maxBytes);
    WXPAY_VERIFY_ERROR(parsed, ErrorKind::Protocol, code);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestV2Xml::acceptsBodyAtTheSizeLimit()
{
    const QByteArray body = "<xml><a>" + QByteArray(kMaxXmlBytes - 18, 'x') + "</a></xml>";
    QCOMPARE(body.size(), kMaxXmlBytes);
    const auto parsed = parseXml(body);
    WXPAY_VERIFY_OK(parsed);
    QCOMPARE(parsed->value(QStringLiteral("a")).size(), kMaxXmlBytes - 18);
}

void TestV2Xml::writesCdata()
{
    const Fields fields = fieldsOf({ { "total_fee", "1" }, { "body", "x]]>y" }, { "attach", "咖啡" } });
    QCOMPARE(toXml(fields),
        QByteArray("<xml><attach><![CDATA[咖啡]]></attach>"
                   "<body><![CDATA[x]]]]><![CDATA[>y]]></body>"
                   "<total_fee><![CDATA[1]]></total_fee></xml>"));
    QCOMPARE(toXml(Fields()), QByteArray("<xml></xml>"));
    QCOMPARE(toXml(fieldsOf({ { "a", "x\r\ny" } })), QByteArray("<xml><a><![CDATA[x]]>&#13;<![CDATA[\ny]]></a></xml>"));
}

void TestV2Xml::roundTrips_data()
{
    QTest::addColumn<Fields>("fields");

    QTest::newRow("markup characters") << fieldsOf({ { "detail", "{\"a\":\"<b>&'\"}" }, { "body", "a < b & c > d" } });
    QTest::newRow("cdata terminators") << fieldsOf(
        { { "a", "]]>" }, { "b", "a]]>b]]>c" }, { "c", "]]]]>>" }, { "d", "]" } });
    QTest::newRow("utf-8 and newlines") << fieldsOf({ { "body", "咖啡\n第二行\r\n" }, { "e", "" } });
    QTest::newRow("spaces kept") << fieldsOf({ { "a", "  padded  " } });
}

void TestV2Xml::roundTrips()
{
    QFETCH(Fields, fields);
    const auto parsed = parseXml(toXml(fields));
    WXPAY_VERIFY_OK(parsed);
    QCOMPARE(parsed.value(), fields);
}

void TestV2Xml::xmlText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");

    QTest::newRow("plain") << QStringLiteral("Coffee") << true;
    QTest::newRow("tab, line ends") << QStringLiteral("a\tb\r\nc") << true;
    QTest::newRow("chinese") << QString::fromUtf8("咖啡") << true;
    QTest::newRow("emoji (surrogate pair)") << QString::fromUtf8("\xF0\x9F\x98\x80") << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("NUL") << QString(1, QChar(0)) << false;
    QTest::newRow("control 0x01") << QStringLiteral("a\u0001b") << false;
    QTest::newRow("escape") << QStringLiteral("\u001B[0m") << false;
    QTest::newRow("U+FFFE") << QString(1, QChar(0xFFFE)) << false;
    QTest::newRow("lone high surrogate") << QString(1, QChar(0xD83D)) << false;
    QTest::newRow("lone low surrogate") << (QStringLiteral("a") + QChar(0xDE00)) << false;
}

void TestV2Xml::xmlText()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QCOMPARE(isXmlText(text), ok);
}

QTEST_GUILESS_MAIN(TestV2Xml)
#include "tst_v2xml.moc"
