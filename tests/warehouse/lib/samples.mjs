// The read-only `samples` catalog: samples.nyctaxi.trips with the real column
// names and types of the Databricks sample, filled with deterministic synthetic
// rows (same row count → same data on every machine, so tests can assert values).
export const TRIPS_COLUMNS = `tpep_pickup_datetime TIMESTAMPTZ, tpep_dropoff_datetime TIMESTAMPTZ,
  trip_distance DOUBLE, fare_amount DOUBLE, pickup_zip INTEGER, dropoff_zip INTEGER`;

// Pseudo-random but reproducible: a multiplicative hash of the row number
// (DuckDB's hash() may change between versions, arithmetic does not).
const rnd = (salt, mod) => `((i * 2654435761 + ${salt}) % 4294967291) % ${mod}`;
const ZIPS = [10001, 10003, 10011, 10012, 10013, 10014, 10016, 10019, 10021, 10022, 10023, 10024, 10025,
  10028, 10036, 10065, 10075, 10103, 10110, 10153, 10171, 10199, 10282, 11101, 11201, 11217, 11222, 11371, 7114, 7302];

export async function ensureSamples(con, path, rows) {
  await con.run(`ATTACH IF NOT EXISTS '${path.replace(/'/g, "''")}' AS samples`);
  const have = await con.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE database_name = 'samples'
    AND schema_name = 'nyctaxi' AND table_name = 'trips'`);
  const exists = Number(have.getRows()[0][0]) === 1 &&
    Number((await con.runAndReadAll('SELECT count(*) FROM samples.nyctaxi.trips')).getRows()[0][0]) === rows;
  if (!exists) {
    const zips = `[${ZIPS.join(', ')}]`;
    await con.run('CREATE SCHEMA IF NOT EXISTS samples.nyctaxi');
    await con.run(`CREATE OR REPLACE TABLE samples.nyctaxi.trips (${TRIPS_COLUMNS})`);
    await con.run(`INSERT INTO samples.nyctaxi.trips
      SELECT pickup, pickup + to_seconds(120 + ${rnd(7, 2400)}), distance, round(2.5 + distance * 2.5 + ${rnd(11, 500)} / 100.0, 2),
             ${zips}[1 + ${rnd(13, ZIPS.length)}], ${zips}[1 + ${rnd(17, ZIPS.length)}]
      FROM (SELECT i, TIMESTAMPTZ '2016-01-01 00:00:00+00' + to_seconds(${rnd(3, 60 * 86400)}) AS pickup,
                   round(0.3 + ${rnd(5, 2000)} / 100.0, 2) AS distance
            FROM range(${rows}) r(i)) ORDER BY i`);
  }
  await con.run('DETACH samples');
  // Read-only like the real samples catalog: writes fail with a permission error.
  await con.run(`ATTACH '${path.replace(/'/g, "''")}' AS samples (READ_ONLY)`);
}
