// Shared plumbing for the OpenSSL wrappers: error queue, memory BIOs, PEM blocks.
#include "crypto/ossl.h"

#include <climits>
#include <cstring>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace wxpay::crypto::ossl {

QString takeErrors()
{
    QString text;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!text.isEmpty())
            text += u"; ";
        text += QString::fromLatin1(buffer);
    }
    return text;
}

namespace {

QString withErrors(const QString& what)
{
    const QString errors = takeErrors();
    return errors.isEmpty() ? what : what + u" (" + errors + u')';
}

} // namespace

Error protocolError(const QString& code, const QString& what)
{
    return Error::protocol(code, withErrors(what));
}

Error verificationError(const QString& code, const QString& what)
{
    return Error::verification(code, withErrors(what));
}

bool fitsInt(qsizetype size)
{
    return size >= 0 && size <= INT_MAX;
}

BioPtr readBio(QByteArrayView data)
{
    if (!fitsInt(data.size()))
        return nullptr;
    // BIO_new_mem_buf does not accept a null pointer even for zero bytes.
    static const char empty = 0;
    return BioPtr(BIO_new_mem_buf(data.isEmpty() ? &empty : data.data(), static_cast<int>(data.size())));
}

BioPtr writeBio()
{
    return BioPtr(BIO_new(BIO_s_mem()));
}

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, static_cast<void*>(&data));
    if (length <= 0 || !data)
        return {};
    return QByteArray(data, static_cast<qsizetype>(length));
}

PemBlock::~PemBlock()
{
    if (der && length > 0)
        OPENSSL_cleanse(der.get(), static_cast<size_t>(length));
}

Result<PemBlock> readPemBlock(QByteArrayView pem, std::initializer_list<const char*> labels)
{
    BioPtr bio = readBio(pem);
    if (!bio)
        return protocolError(QStringLiteral("PEM_INVALID"), QStringLiteral("PEM input too large"));
    ERR_clear_error();
    for (;;) {
        char* label = nullptr;
        char* header = nullptr;
        unsigned char* der = nullptr;
        long length = 0;
        const int ok = PEM_read_bio(bio.get(), &label, &header, &der, &length);
        PemBlock block;
        block.label.reset(label);
        block.header.reset(header);
        block.der.reset(der);
        block.length = length;
        if (!ok) {
            const unsigned long last = ERR_peek_last_error();
            if (ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE) {
                ERR_clear_error();
                QString wanted;
                for (const char* l : labels)
                    wanted += (wanted.isEmpty() ? u"" : u", ") + QString::fromLatin1(l);
                return Error::protocol(QStringLiteral("PEM_INVALID"), u"no PEM block labelled " + wanted);
            }
            return protocolError(QStringLiteral("PEM_INVALID"), QStringLiteral("malformed PEM block"));
        }
        for (const char* l : labels) {
            if (std::strcmp(block.label.get(), l) == 0)
                return block;
        }
    }
}

} // namespace wxpay::crypto::ossl
