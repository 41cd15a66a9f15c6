# Sources of the v3 wire format, added to wxpay_protocol.
target_sources(wxpay_protocol PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/auth.cpp ${CMAKE_CURRENT_LIST_DIR}/auth.h
    ${CMAKE_CURRENT_LIST_DIR}/certificates.cpp ${CMAKE_CURRENT_LIST_DIR}/certificates.h
    ${CMAKE_CURRENT_LIST_DIR}/exchange.cpp ${CMAKE_CURRENT_LIST_DIR}/exchange.h
    ${CMAKE_CURRENT_LIST_DIR}/globalcodec.cpp ${CMAKE_CURRENT_LIST_DIR}/globalcodec.h
    ${CMAKE_CURRENT_LIST_DIR}/json.cpp ${CMAKE_CURRENT_LIST_DIR}/json.h
    ${CMAKE_CURRENT_LIST_DIR}/v3codec.cpp ${CMAKE_CURRENT_LIST_DIR}/v3codec.h
    ${CMAKE_CURRENT_LIST_DIR}/verifier.cpp ${CMAKE_CURRENT_LIST_DIR}/verifier.h)
# The User-Agent names the product version (exchange.cpp only, so no other file rebuilds on a version bump).
set_property(SOURCE ${CMAKE_CURRENT_LIST_DIR}/exchange.cpp
    APPEND PROPERTY COMPILE_DEFINITIONS WXPAY_VERSION="${PROJECT_VERSION}")
