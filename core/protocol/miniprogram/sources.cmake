# Sources of the mini-program server API (access tokens, getpaidunionid), added to wxpay_protocol.
target_sources(wxpay_protocol PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/miniprogram.cpp
    ${CMAKE_CURRENT_LIST_DIR}/miniprogram.h)
