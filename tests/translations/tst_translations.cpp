// Both languages must be complete: every message of every .ts file has a finished, non-empty
// translation with the same placeholders as its source.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations;
    bool finished = true;
};

QList<Message> readTs(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            current = Message { context, {}, {}, true };
        } else if (name == u"source") {
            current.source = xml.readElementText();
        } else if (name == u"translation") {
            const auto type = xml.attributes().value(QStringLiteral("type"));
            if (type == u"vanished" || type == u"obsolete") {
                xml.skipCurrentElement();
                continue;
            }
            current.finished = type.isEmpty();
            // Either plain text or <numerusform> children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == u"numerusform")
                    current.translations << xml.readElementText();
            }
            if (current.translations.isEmpty())
                current.translations << text.trimmed();
            messages << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(WXPAY_TRANSLATIONS_DIR));
        for (const QString& language : { QStringLiteral("zh_CN"), QStringLiteral("en") })
            QTest::newRow(qPrintable(language)) << dir.filePath(QStringLiteral("wxpay_%1.ts").arg(language));
    }

    void complete()
    {
        QFETCH(QString, path);
        QString error;
        const QList<Message> messages = readTs(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        QStringList problems;
        for (const Message& m : messages) {
            const QString where = m.context + u": " + m.source;
            if (!m.finished)
                problems << u"unfinished  " + where;
            for (const QString& t : m.translations) {
                if (t.isEmpty())
                    problems << u"empty       " + where;
                else if (placeholders(t) != placeholders(m.source))
                    problems << u"placeholders " + where;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void chineseIsReallyChinese()
    {
        QString error;
        const auto messages = readTs(QStringLiteral(WXPAY_TRANSLATIONS_DIR "/wxpay_zh_CN.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Every zh_CN translation of a sentence with letters must differ from the English source,
        // except protocol terms and ids that are the same in both languages.
        static const QRegularExpression latinOnly(QStringLiteral("^[\\x00-\\x7F]*$"));
        static const QRegularExpression word(QStringLiteral("[a-z]{3,}"));
        for (const Message& m : messages) {
            const QString& t = m.translations.constFirst();
            if (t == m.source && word.match(m.source).hasMatch() && latinOnly.match(m.source).hasMatch()
                && m.source.contains(u' '))
                QFAIL(qPrintable(u"untranslated: " + m.source));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
