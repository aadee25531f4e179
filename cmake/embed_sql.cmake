# Writes OUTPUT: a C++ source that holds each migration file of SQL_DIR (NNNN_name.sql, in
# version order) as a raw string, so the ingest binary carries its own schema.
# Run with: cmake -DSQL_DIR=… -DOUTPUT=… -P embed_sql.cmake
file(GLOB sql_files "${SQL_DIR}/[0-9][0-9][0-9][0-9]_*.sql")
list(SORT sql_files)
set(body "")
foreach(path IN LISTS sql_files)
  get_filename_component(file_name "${path}" NAME)
  string(REGEX MATCH "^([0-9]+)_(.*)\\.sql$" _ "${file_name}")
  math(EXPR version "${CMAKE_MATCH_1}")
  set(name "${CMAKE_MATCH_2}")
  file(READ "${path}" sql)
  if(sql MATCHES "\\)zt_sql\"")
    message(FATAL_ERROR "${path} contains the raw-string delimiter )zt_sql\"")
  endif()
  string(APPEND body "    {${version}, \"${name}\", R\"zt_sql(${sql})zt_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from schema-client/sql by cmake/embed_sql.cmake. Do not edit.
#include \"schema-client/pg/migrations.hpp\"

namespace zt::pg {

std::span<const Migration> embedded_migrations() {
  static const Migration migrations[] = {
${body}  };
  return migrations;
}

}  // namespace zt::pg
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
