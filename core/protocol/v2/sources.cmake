# Sources of the v2 wire format, added to wxpay_protocol.
