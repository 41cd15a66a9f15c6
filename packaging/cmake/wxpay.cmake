# Project-wide CMake helpers: one place for compile settings, core libraries and tests.
include_guard(GLOBAL)

set(WXPAY_CORE_TARGETS "" CACHE INTERNAL "Static libraries built from core/")

# Strict Qt definitions and warnings, applied to every target we build.
function(wxpay_apply_settings target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_CONTEXTLESS_CONNECT
        QT_NO_FOREACH
        QT_NO_KEYWORDS
        QT_USE_QSTRINGBUILDER
        QT_STRICT_ITERATORS
        QT_DISABLE_DEPRECATED_BEFORE=0x060400)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
        -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference -Wformat=2
        -Wimplicit-fallthrough)
    if(WXPAY_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(WXPAY_ASAN)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()

# wxpay_add_core_library(<module> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# Builds core/<module> as the static library wxpay_<module> (alias wxpay::<module>).
function(wxpay_add_core_library module)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    set(target wxpay_${module})
    add_library(${target} STATIC ${ARG_SOURCES})
    add_library(wxpay::${module} ALIAS ${target})
    target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}/core")
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    wxpay_apply_settings(${target})
    set(WXPAY_CORE_TARGETS ${WXPAY_CORE_TARGETS} ${target} CACHE INTERNAL "")
endfunction()

# wxpay_add_test(<name> SOURCES ... [LIBS ...] [GUI] [KEYRING] [TIMEOUT s])
# One Qt Test executable, registered in CTest. GUI tests run on the offscreen platform;
# KEYRING tests run inside a private D-Bus session with a throw-away gnome-keyring.
function(wxpay_add_test name)
    cmake_parse_arguments(ARG "GUI;KEYRING" "TIMEOUT" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test wxpay_testsupport ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE QT_FORCE_ASSERTS
        WXPAY_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    wxpay_apply_settings(${name})
    if(ARG_KEYRING)
        add_test(NAME ${name} COMMAND "${PROJECT_SOURCE_DIR}/tests/with-keyring.sh" $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set(env "LANG=C.UTF-8" "QT_QPA_PLATFORM=offscreen" "QT_LOGGING_RULES=wxpay.*.debug=false")
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "${env}")
endfunction()

# Collects the link closure of a target (only targets this project defines are followed).
function(_wxpay_link_closure target out)
    set(seen "")
    set(queue ${target})
    while(queue)
        list(POP_FRONT queue current)
        if(current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${current})
        if(TARGET ${current})
            get_target_property(aliased ${current} ALIASED_TARGET)
            if(aliased)
                list(APPEND queue ${aliased})
                continue()
            endif()
            get_target_property(libs ${current} LINK_LIBRARIES)
            get_target_property(ilibs ${current} INTERFACE_LINK_LIBRARIES)
            foreach(lib IN LISTS libs ilibs)
                if(lib AND NOT lib MATCHES "-NOTFOUND$")
                    string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
                    list(APPEND queue ${lib})
                endif()
            endforeach()
        endif()
    endwhile()
    set(${out} ${seen} PARENT_SCOPE)
endfunction()

function(wxpay_assert_core_without_widgets)
    foreach(target IN LISTS WXPAY_CORE_TARGETS)
        _wxpay_link_closure(${target} closure)
        foreach(dep IN LISTS closure)
            if(dep MATCHES "^Qt6?::Widgets(Private)?$" OR dep MATCHES "^Qt6?::(OpenGL)?Widgets")
                message(FATAL_ERROR "core target ${target} links ${dep}: core/ must not use QtWidgets")
            endif()
        endforeach()
    endforeach()
endfunction()
