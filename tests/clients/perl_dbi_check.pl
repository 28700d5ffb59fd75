#!/usr/bin/perl
# Perl DBI with DBD::ODBC (Debian's libdbd-odbc-perl) through unixODBC: connect by DSN and by
# connection string, a query, placeholders, NULLs, Unicode, decimals, timestamps, and the
# catalog calls (table_info, column_info, primary_key_info, type_info_all). Run by
# perl_dbi_test.py, which passes the DSN, the PAT and a connection string in the environment
# (never on the command line) and has created main.default.perl_dbi (id INT NOT NULL PRIMARY
# KEY, name STRING, amount DECIMAL(10,2), ts TIMESTAMP).
use strict;
use warnings;
use utf8;
use DBI;
use Encode qw(decode_utf8);
use Test::More;

binmode(STDOUT, ':encoding(UTF-8)');
binmode(STDERR, ':encoding(UTF-8)');
my $builder = Test::More->builder;
binmode($builder->output, ':encoding(UTF-8)');
binmode($builder->failure_output, ':encoding(UTF-8)');

my %attr = (RaiseError => 1, PrintError => 0, AutoCommit => 1);

# By DSN, the PAT given as the password.
my $dbh = DBI->connect("dbi:ODBC:$ENV{PERL_DBI_DSN}", 'token', $ENV{PERL_DBI_PAT}, \%attr);
ok($dbh, 'connect by DSN');
is_deeply($dbh->selectall_arrayref('SELECT 1 AS one, NULL AS nothing'), [[1, undef]],
          'a query, NULL as undef');

# By connection string.
my $by_string = DBI->connect("dbi:ODBC:$ENV{PERL_DBI_CONNECTION_STRING}", undef, undef, \%attr);
ok($by_string, 'connect by connection string');
is($by_string->selectrow_array("SELECT upper('abc')"), 'ABC', 'a query by connection string');
$by_string->disconnect;

# Placeholders: an INSERT with bind values, then read back.
my $insert = $dbh->prepare(
    'INSERT INTO main.default.perl_dbi (id, name, amount, ts) VALUES (?, ?, ?, ?)');
my @rows = ([1, 'plain', '12345678.91', '2024-01-31 23:59:58.123456'],
            [2, "\x{65e5}\x{672c} \x{1F600}", '-0.05', '1850-06-01 00:00:00'],
            [3, undef, undef, undef]);
$insert->execute(@$_) for @rows;
is($insert->rows, 1, 'rows of one INSERT');

# A DBD::ODBC built without Unicode support (odbc_has_unicode 0) fetches text through SQL_C_CHAR
# as the driver's UTF-8 bytes, which the application decodes itself.
my $unicode = $dbh->{odbc_has_unicode};
diag("DBD::ODBC $DBD::ODBC::VERSION, odbc_has_unicode=" . ($unicode ? 1 : 0));
sub text { my ($v) = @_; return defined $v && !$unicode ? decode_utf8($v) : $v; }

my $got = $dbh->selectall_arrayref(
    'SELECT id, name, CAST(amount AS STRING), CAST(ts AS STRING) FROM main.default.perl_dbi '
    . 'WHERE id >= ? ORDER BY id', undef, 1);
$_->[1] = text($_->[1]) for @$got;
is_deeply($got, [[1, 'plain', '12345678.91', '2024-01-31 23:59:58.123456'],
                 [2, "\x{65e5}\x{672c} \x{1F600}", '-0.05', '1850-06-01 00:00:00'],
                 [3, undef, undef, undef]],
          'placeholders round-trip text, Unicode, exact decimals, timestamps and NULL');
is(text(scalar $dbh->selectrow_array('SELECT name FROM main.default.perl_dbi WHERE name = ?',
                                     undef, "\x{65e5}\x{672c} \x{1F600}")),
   "\x{65e5}\x{672c} \x{1F600}", 'a Unicode placeholder in a WHERE clause');

# Catalog calls.
my $tables = $dbh->table_info('main', 'default', 'perl_dbi', 'TABLE')->fetchall_arrayref({});
is(scalar @$tables, 1, 'table_info finds the table');
is($tables->[0]{TABLE_CAT}, 'main', 'table_info TABLE_CAT');
is($tables->[0]{TABLE_SCHEM}, 'default', 'table_info TABLE_SCHEM');
is($tables->[0]{TABLE_TYPE}, 'TABLE', 'table_info TABLE_TYPE');

my $catalogs = $dbh->table_info('%', '', '', '')->fetchall_arrayref({});
ok((grep { $_->{TABLE_CAT} eq 'main' } @$catalogs), 'table_info lists the catalog main');

my $columns = $dbh->column_info('main', 'default', 'perl_dbi', '%')->fetchall_arrayref({});
is_deeply([map { $_->{COLUMN_NAME} } @$columns], [qw(id name amount ts)],
          'column_info: the columns in order');
is_deeply([map { $_->{TYPE_NAME} } @$columns], [qw(INT STRING DECIMAL TIMESTAMP)],
          'column_info TYPE_NAME');
is($columns->[2]{COLUMN_SIZE}, 10, 'column_info DECIMAL precision');
is($columns->[2]{DECIMAL_DIGITS}, 2, 'column_info DECIMAL scale');
is($columns->[0]{NULLABLE}, 0, 'column_info: id is NOT NULL');
is($columns->[1]{NULLABLE}, 1, 'column_info: name is nullable');

my @key = $dbh->primary_key('main', 'default', 'perl_dbi');
is_deeply(\@key, ['id'], 'primary_key');

# type_info_all: a header of column positions, then one row per type.
my $types = $dbh->type_info_all;
my $index = $types->[0];
my @names = map { $_->[$index->{TYPE_NAME}] } @{$types}[1 .. $#$types];
ok(@names >= 15, 'type_info_all lists the Databricks types');
for my $type (qw(BOOLEAN INT BIGINT DOUBLE DECIMAL STRING BINARY DATE TIMESTAMP)) {
  ok((grep { $_ eq $type } @names), "type_info_all has $type");
}
my ($decimal) = grep { $_->[$index->{TYPE_NAME}] eq 'DECIMAL' } @{$types}[1 .. $#$types];
is($decimal->[$index->{CREATE_PARAMS}], 'precision,scale', 'DECIMAL CREATE_PARAMS');
# DBI picks a type to create a column with from type_info.
my ($varchar) = $dbh->type_info(DBI::SQL_VARCHAR());
ok(defined $varchar && defined $varchar->{TYPE_NAME}, 'type_info(SQL_VARCHAR) names a type');

# An error names its SQLSTATE.
my $failed = eval { $dbh->do('SELECT * FROM main.default.no_such_table'); 1 };
ok(!$failed, 'a bad query fails');
like($dbh->state, qr/^42/, 'its SQLSTATE is of class 42');
like($dbh->errstr, qr/no_such_table/, 'its message names the table');

$dbh->disconnect;
done_testing();
