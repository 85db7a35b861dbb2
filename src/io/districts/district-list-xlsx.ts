/**
 * The district list as an .xlsx workbook with one sheet, 区县 Districts (SheetJS; loaded on
 * demand by the page, so it stays out of the initial bundle). Read back by readDistrictListFile.
 */
import { utils, write } from '@e965/xlsx';
import type { Scenario } from '../../engine/types.ts';
import { DISTRICT_SHEET, districtListGrid } from './district-list.ts';

/** The scenario's districts as .xlsx bytes (see districtListGrid). */
export function districtListXlsx(scenario: Scenario): Uint8Array {
  const ws = utils.aoa_to_sheet(districtListGrid(scenario));
  ws['!cols'] = [{ wch: 18 }, { wch: 20 }, { wch: 30 }, { wch: 30 }, { wch: 30 }, { wch: 30 }];
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, DISTRICT_SHEET);
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
