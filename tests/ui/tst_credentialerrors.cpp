// Every error a key import or the keychain can report becomes one plain sentence, never a code.
#include "credentialerrors.h"

#include <QSet>
#include <QTest>

using namespace wxpay;
using namespace wxpay::ui;

class TestCredentialErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKnownCode_data()
    {
        QTest::addColumn<QString>("code");
        // keyimport.h, credentialstore.h and profilestore.h list these.
        for (const char* code : { "KEY_INVALID", "CERT_INVALID", "KEY_CERT_MISMATCH", "CERT_EXPIRED",
                 "CERT_NOT_YET_VALID", "PKCS12_INVALID", "PKCS12_PASSWORD", "APIV2_KEY_INVALID", "APIV3_KEY_INVALID",
                 "APP_SECRET_INVALID", "FILE_UNREADABLE", "FILE_TOO_LARGE", "PROFILE_NOT_FOUND", "NOT_FOUND",
                 "LOCKED_OR_UNAVAILABLE", "UNAVAILABLE", "ACCESS_DENIED", "DELETE_FAILED", "CORRUPT", "TIMEOUT",
                 "INDEX_FAILED", "SECRET_TOO_LARGE", "SETTINGS_FAILED" })
            QTest::newRow(code) << QString::fromLatin1(code);
    }

    void everyKnownCode()
    {
        QFETCH(QString, code);
        const QString sentence = explainCredentialsError(Error::credentials(code, QStringLiteral("log text")));
        QVERIFY(!sentence.contains(code));
        QVERIFY(!sentence.contains(u"log text"));
        QVERIFY(sentence.endsWith(u'.'));
        QVERIFY(sentence.at(0).isUpper());
    }

    void sentencesDiffer()
    {
        QSet<QString> seen;
        for (const char* code : { "KEY_CERT_MISMATCH", "CERT_EXPIRED", "PKCS12_PASSWORD", "LOCKED_OR_UNAVAILABLE",
                 "UNAVAILABLE", "APIV3_KEY_INVALID" })
            seen.insert(explainCredentialsError(Error::input(QString::fromLatin1(code), {})));
        QCOMPARE(seen.size(), 6);
    }

    void mismatchInPlainWords()
    {
        QCOMPARE(explainCredentialsError(Error::input(QStringLiteral("KEY_CERT_MISMATCH"), {})),
            QStringLiteral(
                "The private key does not belong to this certificate: choose the two files downloaded together."));
    }

    void unknownCodeIsNamed()
    {
        const QString sentence = explainCredentialsError(Error::credentials(QStringLiteral("SOMETHING_NEW"), {}));
        QVERIFY(sentence.contains(u"SOMETHING_NEW"));
    }
};

QTEST_GUILESS_MAIN(TestCredentialErrors)
#include "tst_credentialerrors.moc"
