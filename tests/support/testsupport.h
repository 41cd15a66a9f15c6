#pragma once

#include "common/error.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QTest>

namespace wxpay::test {

// Contents of a file under tests/data, or an empty array (and a failed QVERIFY in the caller's eyes).
QByteArray readTestData(const QString& relativePath);

} // namespace wxpay::test

// Fails the current test with the error's text when a Result is not ok.
#define WXPAY_VERIFY_OK(result)                                                                                        \
    do {                                                                                                               \
        const auto& wxpay_r_ = (result);                                                                               \
        if (!wxpay_r_.ok())                                                                                            \
            QFAIL(qPrintable(wxpay_r_.error().toString()));                                                            \
    } while (false)

// Fails unless `result` failed with the given ErrorKind (and, if non-empty, error code).
#define WXPAY_VERIFY_ERROR(result, expectedKind, expectedCode)                                                         \
    do {                                                                                                               \
        const auto& wxpay_r_ = (result);                                                                               \
        QVERIFY2(!wxpay_r_.ok(), "expected an error, got success");                                                    \
        QCOMPARE(wxpay::errorKindName(wxpay_r_.error().kind), wxpay::errorKindName(expectedKind));                     \
        const QString wxpay_code_ = (expectedCode);                                                                    \
        if (!wxpay_code_.isEmpty())                                                                                    \
            QCOMPARE(wxpay_r_.error().code, wxpay_code_);                                                              \
    } while (false)
