# One INTERFACE target carries every compiler option; every Meridian target links it.
add_library(meridian_options INTERFACE)
add_library(Meridian::Options ALIAS meridian_options)

target_compile_features(meridian_options INTERFACE cxx_std_20)
target_compile_definitions(meridian_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    MERIDIAN_VERSION="${PROJECT_VERSION}")
target_compile_options(meridian_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
    -Wcast-align -Wimplicit-fallthrough)
if(MERIDIAN_WERROR)
    target_compile_options(meridian_options INTERFACE -Werror)
endif()
if(MERIDIAN_SANITIZE)
    target_compile_options(meridian_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(meridian_options INTERFACE -fsanitize=address,undefined)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}" CACHE STRING "" FORCE)
endif()
