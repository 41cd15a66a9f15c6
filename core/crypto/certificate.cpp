// X.509 certificates: parsing, inspection and issuing (the simulator's platform, merchant and TLS certificates).
#include "crypto/crypto.h"
#include "crypto/ossl.h"

#include <algorithm>
#include <ctime>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace wxpay::crypto {

struct Certificate::Impl
{
    ossl::X509Ptr x509;
};

Certificate ossl::Access::certificate(X509Ptr x509)
{
    Certificate certificate;
    if (x509)
        certificate.d = std::make_shared<Certificate::Impl>(Certificate::Impl { std::move(x509) });
    return certificate;
}

namespace {

Result<Certificate> fromDerBytes(QByteArrayView der, const QString& code)
{
    if (der.isEmpty() || !ossl::fitsInt(der.size()))
        return Error::protocol(code, QStringLiteral("empty or oversized certificate DER"));
    const unsigned char* p = ossl::bytes(der);
    ossl::X509Ptr x509(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!x509)
        return ossl::protocolError(code, QStringLiteral("cannot decode the certificate"));
    if (p != ossl::bytes(der) + der.size())
        return Error::protocol(code, QStringLiteral("trailing bytes after the certificate"));
    return ossl::Access::certificate(std::move(x509));
}

QDateTime toDateTime(const ASN1_TIME* time)
{
    std::tm tm {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1) {
        ERR_clear_error();
        return {};
    }
    return QDateTime(
        QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

} // namespace

Certificate::Certificate() = default;
Certificate::~Certificate() = default;
Certificate::Certificate(const Certificate&) = default;
Certificate& Certificate::operator=(const Certificate&) = default;
Certificate::Certificate(Certificate&&) noexcept = default;
Certificate& Certificate::operator=(Certificate&&) noexcept = default;

Result<Certificate> Certificate::fromPem(QByteArrayView pem)
{
    auto block = ossl::readPemBlock(pem, { "CERTIFICATE", "X509 CERTIFICATE" });
    if (!block)
        return block.error();
    return fromDerBytes(QByteArrayView(block->der.get(), block->length), QStringLiteral("CERT_INVALID"));
}

Result<Certificate> Certificate::fromDer(QByteArrayView der)
{
    return fromDerBytes(der, QStringLiteral("DER_INVALID"));
}

bool Certificate::isNull() const
{
    return !d;
}

QByteArray Certificate::toPem() const
{
    if (!d)
        return {};
    ossl::BioPtr bio = ossl::writeBio();
    if (!bio || PEM_write_bio_X509(bio.get(), d->x509.get()) != 1) {
        ERR_clear_error();
        return {};
    }
    return ossl::bioContents(bio.get());
}

QByteArray Certificate::toDer() const
{
    if (!d)
        return {};
    QByteArray der = ossl::toDer(d->x509.get(), i2d_X509);
    ERR_clear_error();
    return der;
}

QString Certificate::serialNumberHex() const
{
    if (!d)
        return {};
    ossl::BignumPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(d->x509.get()), nullptr));
    ossl::CharPtr hex(bn ? BN_bn2hex(bn.get()) : nullptr);
    if (!hex) {
        ERR_clear_error();
        return {};
    }
    // BN_bn2hex prints whole bytes ("0A1B"); WeChat prints the number without leading zeros.
    QString text = QString::fromLatin1(hex.get());
    const bool negative = text.startsWith(u'-');
    qsizetype start = negative ? 1 : 0;
    while (start < text.size() - 1 && text.at(start) == u'0')
        ++start;
    return (negative ? QStringLiteral("-") : QString()) + text.mid(start);
}

QDateTime Certificate::notBefore() const
{
    return d ? toDateTime(X509_get0_notBefore(d->x509.get())) : QDateTime();
}

QDateTime Certificate::notAfter() const
{
    return d ? toDateTime(X509_get0_notAfter(d->x509.get())) : QDateTime();
}

QString Certificate::subjectCommonName() const
{
    if (!d)
        return {};
    const X509_NAME* name = X509_get_subject_name(d->x509.get());
    const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (index < 0)
        return {};
    const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, data);
    ossl::BytePtr owner(utf8);
    if (length < 0) {
        ERR_clear_error();
        return {};
    }
    return QString::fromUtf8(reinterpret_cast<const char*>(utf8), length);
}

PublicKey Certificate::publicKey() const
{
    if (!d)
        return {};
    ossl::PkeyPtr pkey(X509_get_pubkey(d->x509.get()));
    ERR_clear_error();
    return ossl::Access::publicKey(std::move(pkey));
}

bool Certificate::matches(const PrivateKey& key) const
{
    if (!d || key.isNull())
        return false;
    const bool match = X509_check_private_key(d->x509.get(), static_cast<EVP_PKEY*>(key.handle())) == 1;
    ERR_clear_error();
    return match;
}

bool Certificate::isIssuedBy(const Certificate& issuer) const
{
    if (!d || !issuer.d)
        return false;
    X509* subject = d->x509.get();
    X509* issuing = issuer.d->x509.get();
    // X509_check_issued compares names and key identifiers; X509_verify checks the signature itself.
    const bool issued
        = X509_check_issued(issuing, subject) == X509_V_OK && X509_verify(subject, X509_get0_pubkey(issuing)) == 1;
    ERR_clear_error();
    return issued;
}

void* Certificate::handle() const
{
    return d ? d->x509.get() : nullptr;
}

// ---- issuing ----

namespace {

Error specError(const QString& what)
{
    return Error::input(QStringLiteral("CERT_SPEC_INVALID"), what);
}

Error certFailed(const QString& what)
{
    return ossl::protocolError(QStringLiteral("CERT_INVALID"), what);
}

bool isHex(const QByteArray& text)
{
    return std::all_of(text.cbegin(), text.cend(),
        [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); });
}

Result<ossl::Asn1IntegerPtr> serialNumber(const QByteArray& serialHex)
{
    QByteArray hex = serialHex;
    if (hex.isEmpty()) {
        // 16 hex digits with a non-zero first digit, so that the printed serial keeps all 16.
        QByteArray random = randomBytes(8);
        if ((static_cast<unsigned char>(random.at(0)) & 0xF0) == 0)
            random[0] = static_cast<char>(random.at(0) | 0x10);
        hex = random.toHex().toUpper();
    }
    if (hex.size() > 40 || !isHex(hex))
        return specError(QStringLiteral("serial must be 1..40 hex digits"));
    BIGNUM* raw = nullptr;
    const int parsed = BN_hex2bn(&raw, hex.constData());
    const ossl::BignumPtr bn(raw);
    if (parsed != static_cast<int>(hex.size()))
        return certFailed(QStringLiteral("cannot encode the serial"));
    if (BN_is_zero(bn.get()))
        return specError(QStringLiteral("serial must be positive"));
    ossl::Asn1IntegerPtr serial(BN_to_ASN1_INTEGER(bn.get(), nullptr));
    if (!serial)
        return certFailed(QStringLiteral("cannot encode the serial"));
    return serial;
}

Status addNameEntry(X509_NAME* name, int nid, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    if (X509_NAME_add_entry_by_NID(name, nid, MBSTRING_UTF8, ossl::bytes(utf8), static_cast<int>(utf8.size()), -1, 0)
        != 1)
        return specError(u"invalid subject name value " + value + u" (" + ossl::takeErrors() + u')');
    return {};
}

// One extension in openssl.cnf syntax; the values used here are fixed strings, never caller input.
Status addExtension(X509* x509, X509V3_CTX* ctx, int nid, const char* value)
{
    ossl::X509ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, ctx, nid, value));
    if (!extension || X509_add_ext(x509, extension.get(), -1) != 1)
        return certFailed(QStringLiteral("cannot add extension %1").arg(QString::fromLatin1(OBJ_nid2sn(nid))));
    return {};
}

// subjectAltName built from typed GENERAL_NAMEs, so names cannot inject openssl.cnf syntax.
Status addSubjectAltNames(X509* x509, const QStringList& dnsNames, const QStringList& ipAddresses)
{
    ossl::GeneralNamesPtr names(GENERAL_NAMES_new());
    if (!names)
        return certFailed(QStringLiteral("out of memory"));
    const auto push = [&names](ossl::GeneralNamePtr name) {
        if (sk_GENERAL_NAME_push(names.get(), name.get()) <= 0)
            return false;
        name.release(); // the stack owns it now
        return true;
    };
    for (const QString& dns : dnsNames) {
        const QByteArray ascii = dns.toLatin1();
        const bool valid = !dns.isEmpty() && std::all_of(dns.cbegin(), dns.cend(), [](QChar c) {
            return c.unicode() > 0x20 && c.unicode() < 0x7F && c != u',';
        });
        if (!valid)
            return specError(u"invalid DNS name " + dns);
        ossl::GeneralNamePtr name(GENERAL_NAME_new());
        ossl::Asn1StringPtr value(ASN1_IA5STRING_new());
        if (!name || !value || ASN1_STRING_set(value.get(), ascii.constData(), static_cast<int>(ascii.size())) != 1)
            return certFailed(QStringLiteral("cannot encode a DNS name"));
        GENERAL_NAME_set0_value(name.get(), GEN_DNS, value.release());
        if (!push(std::move(name)))
            return certFailed(QStringLiteral("cannot encode a DNS name"));
    }
    for (const QString& ip : ipAddresses) {
        ossl::Asn1StringPtr value(a2i_IPADDRESS(ip.toLatin1().constData()));
        if (!value) {
            ERR_clear_error();
            return specError(u"invalid IP address " + ip);
        }
        ossl::GeneralNamePtr name(GENERAL_NAME_new());
        if (!name)
            return certFailed(QStringLiteral("out of memory"));
        GENERAL_NAME_set0_value(name.get(), GEN_IPADD, value.release());
        if (!push(std::move(name)))
            return certFailed(QStringLiteral("cannot encode an IP address"));
    }
    if (X509_add1_ext_i2d(x509, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) != 1)
        return certFailed(QStringLiteral("cannot add subjectAltName"));
    return {};
}

Status checkSpec(
    const PrivateKey& subjectKey, const CertificateSpec& spec, const PrivateKey& issuerKey, const Certificate* issuer)
{
    if (subjectKey.isNull() || issuerKey.isNull())
        return specError(QStringLiteral("subject and issuer keys are required"));
    if (spec.commonName.isEmpty())
        return specError(QStringLiteral("the common name is required"));
    if (!spec.notBefore.isValid() || !spec.notAfter.isValid() || spec.notAfter <= spec.notBefore)
        return specError(QStringLiteral("the validity period is invalid"));
    if (issuer) {
        if (issuer->isNull() || !issuer->matches(issuerKey))
            return specError(QStringLiteral("the issuer key does not belong to the issuer certificate"));
    } else if (EVP_PKEY_eq(static_cast<EVP_PKEY*>(subjectKey.handle()), static_cast<EVP_PKEY*>(issuerKey.handle()))
        != 1) {
        ERR_clear_error();
        return specError(QStringLiteral("a self-signed certificate must be signed with its own key"));
    }
    return {};
}

} // namespace

Result<Certificate> makeCertificate(
    const PrivateKey& subjectKey, const CertificateSpec& spec, const PrivateKey& issuerKey, const Certificate* issuer)
{
    if (Status checked = checkSpec(subjectKey, spec, issuerKey, issuer); !checked)
        return checked.error();
    auto serial = serialNumber(spec.serialHex);
    if (!serial)
        return serial.error();

    ERR_clear_error();
    ossl::X509Ptr x509(X509_new());
    if (!x509)
        return certFailed(QStringLiteral("out of memory"));
    X509* x = x509.get();
    auto* subjectPkey = static_cast<EVP_PKEY*>(subjectKey.handle());
    if (X509_set_version(x, X509_VERSION_3) != 1 || X509_set_serialNumber(x, serial->get()) != 1
        || !ASN1_TIME_set(X509_getm_notBefore(x), static_cast<time_t>(spec.notBefore.toSecsSinceEpoch()))
        || !ASN1_TIME_set(X509_getm_notAfter(x), static_cast<time_t>(spec.notAfter.toSecsSinceEpoch()))
        || X509_set_pubkey(x, subjectPkey) != 1)
        return certFailed(QStringLiteral("cannot fill in the certificate"));

    X509_NAME* subjectName = X509_get_subject_name(x);
    if (Status added = addNameEntry(subjectName, NID_commonName, spec.commonName); !added)
        return added.error();
    if (!spec.organization.isEmpty()) {
        if (Status added = addNameEntry(subjectName, NID_organizationName, spec.organization); !added)
            return added.error();
    }
    X509* issuerX509 = issuer ? static_cast<X509*>(issuer->handle()) : x;
    if (X509_set_issuer_name(x, X509_get_subject_name(issuerX509)) != 1)
        return certFailed(QStringLiteral("cannot set the issuer name"));

    X509V3_CTX ctx {};
    X509V3_set_ctx(&ctx, issuerX509, x, nullptr, nullptr, 0);
    // Lets authorityKeyIdentifier be computed for a self-signed certificate too.
    if (X509V3_set_issuer_pkey(&ctx, static_cast<EVP_PKEY*>(issuerKey.handle())) != 1)
        return certFailed(QStringLiteral("cannot set the issuer key"));
    Status added = addExtension(x, &ctx, NID_basic_constraints, spec.isCa ? "critical,CA:TRUE" : "critical,CA:FALSE");
    if (added)
        added = addExtension(x, &ctx, NID_key_usage,
            spec.isCa ? "critical,keyCertSign,cRLSign,digitalSignature" : "critical,digitalSignature,keyEncipherment");
    if (added && (spec.serverAuth || spec.clientAuth)) {
        const char* usage = spec.serverAuth && spec.clientAuth ? "serverAuth,clientAuth"
            : spec.serverAuth                                  ? "serverAuth"
                                                               : "clientAuth";
        added = addExtension(x, &ctx, NID_ext_key_usage, usage);
    }
    if (added)
        added = addExtension(x, &ctx, NID_subject_key_identifier, "hash");
    if (added)
        added = addExtension(x, &ctx, NID_authority_key_identifier, "keyid:always");
    if (added && (!spec.dnsNames.isEmpty() || !spec.ipAddresses.isEmpty()))
        added = addSubjectAltNames(x, spec.dnsNames, spec.ipAddresses);
    if (!added)
        return added.error();

    if (X509_sign(x, static_cast<EVP_PKEY*>(issuerKey.handle()), EVP_sha256()) <= 0)
        return ossl::protocolError(QStringLiteral("SIGN_FAILED"), QStringLiteral("cannot sign the certificate"));
    return ossl::Access::certificate(std::move(x509));
}

} // namespace wxpay::crypto
