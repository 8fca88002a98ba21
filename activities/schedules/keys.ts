/** Object keys of bulletin series: rotation state and one record per run. */
export const bulletinKeys = {
  rotation: (seriesId: string) => `bulletins/${seriesId}/rotation.json`,
  run: (seriesId: string, runId: string) => `bulletins/${seriesId}/runs/${runId}.json`,
  prefix: 'bulletins/',
};
