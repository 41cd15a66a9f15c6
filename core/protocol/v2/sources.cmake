# Sources of the v2 wire format, added to wxpay_protocol.
target_sources(wxpay_protocol PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/bill.cpp ${CMAKE_CURRENT_LIST_DIR}/bill.h
    ${CMAKE_CURRENT_LIST_DIR}/chinatime.cpp ${CMAKE_CURRENT_LIST_DIR}/chinatime.h
    ${CMAKE_CURRENT_LIST_DIR}/sign.cpp ${CMAKE_CURRENT_LIST_DIR}/sign.h
    ${CMAKE_CURRENT_LIST_DIR}/v2codec.cpp ${CMAKE_CURRENT_LIST_DIR}/v2codec.h
    ${CMAKE_CURRENT_LIST_DIR}/xml.cpp ${CMAKE_CURRENT_LIST_DIR}/xml.h)
