#include "protocol/codec.h"

namespace wxpay::protocol {

PaymentCodec::~PaymentCodec() = default;

} // namespace wxpay::protocol
