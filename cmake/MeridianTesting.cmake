# meridian_add_test(NAME <name> SOURCES <files...> LIBRARIES <libs...> [LABELS <labels...>] [GUI] [TIMEOUT s])
# One executable per unit, registered with CTest; every test runs offscreen.
function(meridian_add_test)
    cmake_parse_arguments(T "GUI" "NAME;TIMEOUT" "SOURCES;LIBRARIES;LABELS;ENVIRONMENT" ${ARGN})
    qt_add_executable(${T_NAME} ${T_SOURCES})
    set_target_properties(${T_NAME} PROPERTIES
        RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
    target_link_libraries(${T_NAME} PRIVATE Meridian::Options Qt6::Test ${T_LIBRARIES})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;MERIDIAN_SIM=$<TARGET_FILE:meridian-sim>;MERIDIAN_BIN_DIR=${CMAKE_BINARY_DIR}/bin;MERIDIAN_TEST_DATA=${CMAKE_SOURCE_DIR}/tests/data;HOME=${CMAKE_BINARY_DIR}/test-home;${T_ENVIRONMENT}")
endfunction()
