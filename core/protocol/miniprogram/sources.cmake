# Sources of the miniprogram wire format, added to wxpay_protocol.
