# meridian --demo --screenshot must exit 0 and write a non-trivial PNG.
file(REMOVE "${OUTPUT}")
execute_process(COMMAND "${MERIDIAN}" --demo --screenshot "${OUTPUT}" --size 1280x720
    RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "meridian --demo --screenshot exited with ${result}: ${errors}")
endif()
file(SIZE "${OUTPUT}" size)
file(READ "${OUTPUT}" magic LIMIT 8 HEX)
if(NOT magic STREQUAL "89504e470d0a1a0a" OR size LESS 10000)
    message(FATAL_ERROR "${OUTPUT} is not a plausible PNG (${size} bytes, magic ${magic})")
endif()
