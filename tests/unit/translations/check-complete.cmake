# Runs lupdate over the current sources into a copy of the catalogue and fails when any message
# is new or unfinished, naming the first ones, so a string added without its translation is caught.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(COPY "${TS}" DESTINATION "${WORK}")
get_filename_component(name "${TS}" NAME)
# lupdate's project as update_translations makes it (written here, so a fresh build needs no
# prior run of that target): the same sources and include paths,
# so lupdate assigns every message the same context as when the catalogue was made.
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK}/project.json
                        -P "${PROJECT_GENERATOR}"
    RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cannot write lupdate's project file (${result}): ${errors}")
endif()
execute_process(COMMAND "${LUPDATE}" -project "${WORK}/project.json" -ts "${WORK}/${name}" -no-obsolete -locations none
    RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result}): ${errors}")
endif()
file(READ "${WORK}/${name}" catalogue)
string(REGEX MATCHALL "<source>[^<]*</source>[^<]*(<comment>[^<]*</comment>[^<]*)?(<extracomment>[^<]*</extracomment>[^<]*)?<translation type=\"unfinished\"" missing "${catalogue}")
list(LENGTH missing count)
if(count GREATER 0)
    list(SUBLIST missing 0 10 first)
    string(REPLACE ";" "\n" first "${first}")
    message(FATAL_ERROR "${count} message(s) have no Japanese translation in ${name}; "
        "run `cmake --build build --target update_translations` and translate them. First ones:\n${first}")
endif()
message(STATUS "Every message is translated")
