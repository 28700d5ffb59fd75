// The columns of each information_schema view, in Databricks' order with
// Databricks' types (the SQL reference page of each view; columns.full_data_type
// before data_type as a workspace answers). catalog-views.mjs builds the views
// from these lists, and information_schema.tables/columns describe the views
// themselves from them, as a workspace's do.
const S = 'STRING';
const I = 'INTEGER';
const T = 'TIMESTAMP';
const audit = [['created', T], ['created_by', S], ['last_altered', T], ['last_altered_by', S]];
const typeCols = [['character_maximum_length', I], ['character_octet_length', S], ['numeric_precision', I],
  ['numeric_precision_radix', I], ['numeric_scale', I], ['datetime_precision', I], ['interval_type', S],
  ['interval_precision', I], ['maximum_cardinality', I]];
const names = (prefix) => [[`${prefix}_catalog`, S], [`${prefix}_schema`, S]];

export const INFO_SCHEMA = {
  catalogs: [['catalog_name', S], ['catalog_owner', S], ['comment', S], ...audit],
  schemata: [['catalog_name', S], ['schema_name', S], ['schema_owner', S], ['comment', S], ...audit],
  tables: [...names('table'), ['table_name', S], ['table_type', S], ['is_insertable_into', S], ['commit_action', S],
    ['table_owner', S], ['comment', S], ...audit, ['data_source_format', S], ['storage_path', S],
    ['storage_sub_directory', S]],
  columns: [...names('table'), ['table_name', S], ['column_name', S], ['ordinal_position', I], ['column_default', S],
    ['is_nullable', S], ['full_data_type', S], ['data_type', S], ...typeCols, ['is_identity', S],
    ['identity_generation', S], ['identity_start', S], ['identity_increment', S], ['identity_maximum', S],
    ['identity_minimum', S], ['identity_cycle', S], ['is_generated', S], ['generation_expression', S],
    ['is_system_time_period_start', S], ['is_system_time_period_end', S],
    ['system_time_period_timestamp_generation', S], ['is_updatable', S], ['partition_index', I], ['comment', S]],
  views: [...names('table'), ['table_name', S], ['view_definition', S], ['check_option', S], ['is_updatable', S],
    ['is_insertable_into', S], ['sql_path', S]],
  table_constraints: [...names('constraint'), ['constraint_name', S], ...names('table'), ['table_name', S],
    ['constraint_type', S], ['is_deferrable', S], ['initially_deferred', S], ['enforced', S], ['comment', S]],
  key_column_usage: [...names('constraint'), ['constraint_name', S], ...names('table'), ['table_name', S],
    ['column_name', S], ['ordinal_position', I], ['position_in_unique_constraint', I]],
  referential_constraints: [...names('constraint'), ['constraint_name', S], ['unique_constraint_catalog', S],
    ['unique_constraint_schema', S], ['unique_constraint_name', S], ['match_option', S], ['update_rule', S],
    ['delete_rule', S]],
  constraint_column_usage: [...names('table'), ['table_name', S], ['column_name', S], ...names('constraint'),
    ['constraint_name', S]],
  routines: [['specific_catalog', S], ['specific_schema', S], ['specific_name', S], ['routine_catalog', S],
    ['routine_schema', S], ['routine_name', S], ['routine_type', S], ['data_type', S], ['full_data_type', S],
    ...typeCols, ['routine_body', S], ['routine_definition', S], ['external_name', S], ['external_language', S],
    ['parameter_style', S], ['is_deterministic', S], ['sql_data_access', S], ['is_null_call', S],
    ['security_type', S], ['sql_path', S], ['comment', S], ...audit],
  parameters: [['specific_catalog', S], ['specific_schema', S], ['specific_name', S], ['ordinal_position', I],
    ['parameter_mode', S], ['is_result', S], ['as_locator', S], ['parameter_name', S], ['data_type', S],
    ['full_data_type', S], ...typeCols, ['parameter_default', S], ['comment', S]],
};

const TYPE_FIELDS = {
  STRING: ["'string'", "'STRING'", '0', 'NULL', 'NULL', 'NULL', 'NULL'],
  INTEGER: ["'int'", "'INT'", 'NULL', '32', '2', '0', 'NULL'],
  TIMESTAMP: ["'timestamp'", "'TIMESTAMP'", 'NULL', 'NULL', 'NULL', 'NULL', '3'],
};

// (table_name, column_name, ordinal_position, full_data_type, data_type, character_length,
//  numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision) of every
// column of every view, as a VALUES list.
export function infoSchemaRelations() {
  const rows = Object.entries(INFO_SCHEMA).flatMap(([view, cols]) =>
    cols.map(([name, type], i) => `('${view}', '${name}', ${i}, ${TYPE_FIELDS[type].join(', ')})`));
  return `SELECT * FROM (VALUES ${rows.join(', ')}) v(table_name, column_name, ordinal_position, full_data_type,
    data_type, character_length, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision)`;
}
