#include "support/testsupport.h"

#include <QFile>

namespace wxpay::test {

QByteArray readTestData(const QString& relativePath)
{
    QFile file(QStringLiteral(WXPAY_TEST_DATA_DIR "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot open test data %s", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

} // namespace wxpay::test
