#include <gtest/gtest.h>

#include <cstdint>

#include "odbc/desc_fields.h"
#include "odbc/descriptor.h"
#include "odbc/guard.h"
#include "util/error.h"

namespace dbsql::odbc {
namespace {

SQLPOINTER as_ptr(SQLLEN v) {
  return reinterpret_cast<SQLPOINTER>(static_cast<intptr_t>(v));
}

SQLLEN get_number(Descriptor& d, SQLSMALLINT rec, SQLSMALLINT field) {
  SQLLEN value = 0;  // wide enough for every integer field; small ones fill its low bytes
  EXPECT_EQ(SQL_SUCCESS, d.get_field(rec, field, FieldArg{&value, 0, TextUnits::kAnsi}, nullptr));
  return value;
}

TEST(Descriptor, BindColumnFillsTheArdRecord) {
  Descriptor ard(DescKind::kArd, nullptr);
  char buffer[20];
  SQLLEN ind = 0;
  bind_column(ard, 3, SQL_C_CHAR, buffer, sizeof buffer, &ind);
  EXPECT_EQ(3, ard.count());
  const DescRecord& rec = *ard.find(3);
  EXPECT_EQ(SQL_C_CHAR, rec.concise_type);
  EXPECT_EQ(buffer, rec.data_ptr);
  EXPECT_EQ(&ind, rec.indicator_ptr);
  EXPECT_EQ(&ind, rec.octet_length_ptr);
  EXPECT_EQ(20, rec.octet_length);
  EXPECT_FALSE(ard.find(1)->bound());
}

TEST(Descriptor, UnbindingTheLastColumnShrinksTheCount) {
  Descriptor ard(DescKind::kArd, nullptr);
  SQLINTEGER a = 0, b = 0;
  bind_column(ard, 1, SQL_C_SLONG, &a, 0, nullptr);
  bind_column(ard, 4, SQL_C_SLONG, &b, 0, nullptr);
  bind_column(ard, 4, SQL_C_SLONG, nullptr, 0, nullptr);
  EXPECT_EQ(1, ard.count());
  // Indicator-only bindings stay bound.
  SQLLEN ind = 0;
  bind_column(ard, 2, SQL_C_CHAR, nullptr, 0, &ind);
  EXPECT_EQ(2, ard.count());
  EXPECT_TRUE(ard.find(2)->bound());
}

TEST(Descriptor, DatetimeConciseTypesSetVerboseTypeAndCode) {
  DescRecord rec;
  rec.set_concise_type(SQL_C_TYPE_TIMESTAMP);
  EXPECT_EQ(SQL_DATETIME, rec.type);
  EXPECT_EQ(SQL_CODE_TIMESTAMP, rec.datetime_interval_code);
  rec.set_concise_type(SQL_C_INTERVAL_DAY_TO_SECOND);
  EXPECT_EQ(SQL_INTERVAL, rec.type);
  EXPECT_EQ(SQL_CODE_DAY_TO_SECOND, rec.datetime_interval_code);
  rec.set_concise_type(SQL_C_SLONG);
  EXPECT_EQ(SQL_C_SLONG, rec.type);
  EXPECT_EQ(0, rec.datetime_interval_code);
}

TEST(Descriptor, SettingTypeThenCodeGivesTheConciseType) {
  Descriptor ard(DescKind::kArd, nullptr);
  ard.set_field(1, SQL_DESC_TYPE, FieldArg{as_ptr(SQL_DATETIME), 0, TextUnits::kAnsi});
  ard.set_field(1, SQL_DESC_DATETIME_INTERVAL_CODE,
                FieldArg{as_ptr(SQL_CODE_DATE), 0, TextUnits::kAnsi});
  EXPECT_EQ(SQL_C_TYPE_DATE, static_cast<SQLSMALLINT>(get_number(ard, 1, SQL_DESC_CONCISE_TYPE)));
}

TEST(Descriptor, SettingAFieldOtherThanPointersUnbinds) {
  Descriptor ard(DescKind::kArd, nullptr);
  SQL_NUMERIC_STRUCT n;
  SQLLEN ind = 0;
  bind_column(ard, 1, SQL_C_NUMERIC, &n, sizeof n, &ind);
  ard.set_field(1, SQL_DESC_PRECISION, FieldArg{as_ptr(10), 0, TextUnits::kAnsi});
  ard.set_field(1, SQL_DESC_SCALE, FieldArg{as_ptr(2), 0, TextUnits::kAnsi});
  EXPECT_EQ(nullptr, ard.find(1)->data_ptr);
  ard.set_field(1, SQL_DESC_DATA_PTR, FieldArg{&n, 0, TextUnits::kAnsi});
  EXPECT_EQ(&n, ard.find(1)->data_ptr);
  EXPECT_EQ(10, ard.find(1)->precision);
  EXPECT_EQ(2, ard.find(1)->scale);
  EXPECT_EQ(&ind, ard.find(1)->indicator_ptr);
}

TEST(Descriptor, IrdIsReadOnlyExceptItsStatusPointers) {
  Descriptor ird(DescKind::kIrd, nullptr);
  ird.record(1).column.sql_type = SQL_INTEGER;
  EXPECT_THROW(
      {
        try {
          ird.set_field(1, SQL_DESC_CONCISE_TYPE,
                        FieldArg{as_ptr(SQL_C_CHAR), 0, TextUnits::kAnsi});
        } catch (const Error& e) {
          EXPECT_EQ("HY016", e.sqlstate());
          throw;
        }
      },
      Error);
  SQLUSMALLINT status[4];
  SQLULEN fetched = 0;
  ird.set_field(0, SQL_DESC_ARRAY_STATUS_PTR, FieldArg{status, 0, TextUnits::kAnsi});
  ird.set_field(0, SQL_DESC_ROWS_PROCESSED_PTR, FieldArg{&fetched, 0, TextUnits::kAnsi});
  EXPECT_EQ(status, ird.header.array_status_ptr);
  EXPECT_EQ(&fetched, ird.header.rows_processed_ptr);
}

TEST(Descriptor, HeaderFieldsByKind) {
  Descriptor ard(DescKind::kArd, nullptr);
  ard.set_field(0, SQL_DESC_ARRAY_SIZE, FieldArg{as_ptr(50), 0, TextUnits::kAnsi});
  EXPECT_EQ(50, get_number(ard, 0, SQL_DESC_ARRAY_SIZE));
  EXPECT_THROW(ard.set_field(0, SQL_DESC_ARRAY_SIZE, FieldArg{as_ptr(0), 0, TextUnits::kAnsi}),
               Error);
  EXPECT_THROW(
      ard.set_field(0, SQL_DESC_ROWS_PROCESSED_PTR, FieldArg{nullptr, 0, TextUnits::kAnsi}), Error);
  EXPECT_THROW(ard.set_field(0, SQL_DESC_ALLOC_TYPE,
                             FieldArg{as_ptr(SQL_DESC_ALLOC_USER), 0, TextUnits::kAnsi}),
               Error);
  EXPECT_EQ(SQL_DESC_ALLOC_USER, static_cast<SQLSMALLINT>(get_number(ard, 0, SQL_DESC_ALLOC_TYPE)));
  Descriptor ird(DescKind::kIrd, nullptr);
  SQLULEN size = 0;
  EXPECT_THROW(ird.get_field(0, SQL_DESC_ARRAY_SIZE, FieldArg{&size, 0, TextUnits::kAnsi}, nullptr),
               Error);
}

TEST(Descriptor, RecordsPastTheCountAreNoData) {
  Descriptor ard(DescKind::kArd, nullptr);
  SQLSMALLINT type = 0;
  EXPECT_EQ(SQL_NO_DATA,
            ard.get_field(2, SQL_DESC_TYPE, FieldArg{&type, 0, TextUnits::kAnsi}, nullptr));
  EXPECT_THROW(ard.get_field(0, SQL_DESC_TYPE, FieldArg{&type, 0, TextUnits::kAnsi}, nullptr),
               Error);
}

TEST(Descriptor, IrdFieldsComeFromTheColumnDescription) {
  Descriptor ird(DescKind::kIrd, nullptr);
  DescRecord& rec = ird.record(1);
  rec.name = "amount";
  rec.column = convert::describe_type("DECIMAL", "DECIMAL(10,2)", 10, 2, "");
  rec.nullable = SQL_NULLABLE;
  EXPECT_EQ(SQL_DECIMAL, static_cast<SQLSMALLINT>(get_number(ird, 1, SQL_DESC_CONCISE_TYPE)));
  EXPECT_EQ(10, static_cast<SQLSMALLINT>(get_number(ird, 1, SQL_DESC_PRECISION)));
  EXPECT_EQ(2, static_cast<SQLSMALLINT>(get_number(ird, 1, SQL_DESC_SCALE)));
  EXPECT_EQ(SQL_NULLABLE, static_cast<SQLSMALLINT>(get_number(ird, 1, SQL_DESC_NULLABLE)));
  char name[16];
  SQLINTEGER length = 0;
  EXPECT_EQ(SQL_SUCCESS, ird.get_field(1, SQL_DESC_NAME,
                                       FieldArg{name, sizeof name, TextUnits::kAnsi}, &length));
  EXPECT_STREQ("amount", name);
  EXPECT_EQ(6, length);
  EXPECT_EQ(SQL_SUCCESS, ird.get_field(1, SQL_DESC_TYPE_NAME,
                                       FieldArg{name, sizeof name, TextUnits::kAnsi}, &length));
  EXPECT_STREQ("DECIMAL", name);
  // Application-descriptor fields do not exist on the IRD.
  SQLPOINTER p = nullptr;
  EXPECT_THROW(ird.get_field(1, SQL_DESC_DATA_PTR, FieldArg{&p, 0, TextUnits::kAnsi}, nullptr),
               Error);
}

TEST(Descriptor, GetAndSetRec) {
  Descriptor ard(DescKind::kArd, nullptr);
  SQLINTEGER value = 0;
  SQLLEN len = 0, ind = 0;
  ard.set_rec(1, SQL_C_SLONG, 0, sizeof value, 0, 0, &value, &len, &ind);
  SQLSMALLINT type = 0, subtype = -1, precision = -1, scale = -1, nullable = -1;
  SQLLEN length = 0;
  char name[4];
  SQLSMALLINT name_length = -1;
  EXPECT_EQ(SQL_SUCCESS, ard.get_rec(1, TextOut{name, sizeof name, TextUnits::kAnsi}, &name_length,
                                     &type, &subtype, &length, &precision, &scale, &nullable));
  EXPECT_EQ(SQL_C_SLONG, type);
  EXPECT_EQ(0, subtype);
  EXPECT_EQ(static_cast<SQLLEN>(sizeof value), length);
  EXPECT_EQ(&value, ard.find(1)->data_ptr);
  EXPECT_EQ(&len, ard.find(1)->octet_length_ptr);
  EXPECT_EQ(&ind, ard.find(1)->indicator_ptr);
  EXPECT_EQ(0, name_length);
}

}  // namespace
}  // namespace dbsql::odbc
