// /api/2.0/sql/warehouses: the one local warehouse, always RUNNING. The driver
// calls GET /warehouses/{id} to validate host, token and id without running SQL.
import { ApiError } from '../errors.mjs';

export function warehouseRoutes(app, { warehouseId, publicUrl }) {
  const describe = () => {
    const url = new URL(publicUrl());
    return {
      id: warehouseId, name: 'Local DuckDB warehouse', state: 'RUNNING', cluster_size: 'X-Small',
      min_num_clusters: 1, max_num_clusters: 1, num_clusters: 1, num_active_sessions: 0,
      auto_stop_mins: 0, warehouse_type: 'PRO', enable_serverless_compute: true, enable_photon: true,
      creator_name: 'warehouse@localhost', spot_instance_policy: 'COST_OPTIMIZED',
      channel: { name: 'CHANNEL_NAME_CURRENT' }, health: { status: 'HEALTHY' },
      odbc_params: { hostname: url.hostname, path: `/sql/1.0/warehouses/${warehouseId}`, protocol: url.protocol.slice(0, -1), port: Number(url.port) },
      jdbc_url: '',
    };
  };
  app.get('/api/2.0/sql/warehouses', async () => ({ warehouses: [describe()] }));
  app.get('/api/2.0/sql/warehouses/:id', async (req) => {
    if (req.params.id !== warehouseId) {
      throw new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', `Warehouse ${req.params.id} does not exist.`);
    }
    return describe();
  });
}
