export {
  createDataset,
  deleteDataset,
  type RequestFacts,
  setDatasetStatus,
  updateDataset,
} from './service/dataset-commands.ts'
export {
  type DatasetSearch,
  type DatasetSearchResult,
  findDatasetRow,
  getDataset,
  getDatasetToChange,
  searchDatasets,
} from './service/datasets.ts'
export { Publishers } from './service/publishers.ts'
export {
  addResource,
  changeResource,
  getResource,
  getResourceToChange,
  removeResource,
} from './service/resources.ts'
export { listReuses, recordReuse, removeReuse } from './service/reuses.ts'
