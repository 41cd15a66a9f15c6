#pragma once

#include <QString>

namespace wxpay {

// What went wrong, in the order a request can fail. Every failure in core/ is one of these.
enum class ErrorKind
{
    Input, // bad input refused before anything was sent or stored
    Network, // no reply: DNS, connection, TLS, timeout
    Http, // a reply with an unexpected HTTP status and no business error in it
    Verification, // a reply whose signature, timestamp or serial could not be trusted
    Protocol, // a reply that is malformed or not what the protocol promises
    Business, // WeChat Pay answered with a business error code (err_code / code / errcode)
    Storage, // local database failure
    Credentials, // keychain unavailable, locked or missing entry
    Cancelled, // the operator or the program cancelled the operation
};

QString errorKindName(ErrorKind kind);

// A typed error. `code` is the server's code (err_code, code, errcode) or an internal code;
// `message` is the server's message or an English description for logs; `requestId` is the
// Request-ID header where there was one. User-facing sentences are made from these by the UI.
struct Error
{
    ErrorKind kind = ErrorKind::Protocol;
    QString code;
    QString message;
    QString requestId;
    int httpStatus = 0;
    QString detail;

    static Error input(QString code, QString message);
    static Error network(QString code, QString message);
    static Error http(int status, QString message, QString requestId = {});
    static Error verification(QString code, QString message, QString requestId = {});
    static Error protocol(QString code, QString message, QString requestId = {});
    static Error business(QString code, QString message, QString requestId = {}, int httpStatus = 0);
    static Error storage(QString code, QString message);
    static Error credentials(QString code, QString message);
    static Error cancelled(QString message);

    // One line for logs and diagnostics: "business USERPAYING (HTTP 202, Request-ID x): message".
    QString toString() const;

    friend bool operator==(const Error&, const Error&) = default;
};

} // namespace wxpay
