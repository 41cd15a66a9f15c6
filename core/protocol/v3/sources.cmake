# Sources of the v3 wire format, added to wxpay_protocol.
