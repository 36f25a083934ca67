# Runs lupdate over the current sources into a copy of the catalogue and fails when any message
# is new or unfinished, naming the first ones, so a string added without its translation is caught.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(COPY "${TS}" DESTINATION "${WORK}")
get_filename_component(name "${TS}" NAME)
# The project file CMake wrote for update_translations: the same sources and include paths,
# so lupdate assigns every message the same context as when the catalogue was made.
execute_process(COMMAND "${LUPDATE}" -project "${PROJECT}" -ts "${WORK}/${name}" -no-obsolete -locations none
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
