import { writeFileSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'

/**
 * A tiny month of exports (a GBK police CSV with a few bad rows, an XLSX marriage register)
 * and the pipeline that reads them, for ingest and CLI tests.
 */
export const smallPipelineText = `version: 1
name: t
jurisdiction:
  county: '410105'
  name: 金水区
  addressPrefixes: [河南省, 郑州市, 金水区]
  communities:
    - { code: '410105001001', name: 文化路社区, aliases: [文化路居委会] }
    - { code: '410105001002', name: 花园路社区 }
sources:
  - name: police-changes
    agency: police
    kind: household-change
    files: ['police-{period}.csv']
    columns:
      residentId: 公民身份号码
      name: 姓名
      sex: 性别
      birthDate: 出生日期
      address: 住址
      community: 居委会
      event.type: 变动类型
      event.date: 变动日期
    values:
      event.type: { 出生登记: birth, 迁入: move-in, 迁出: move-out, 死亡注销: death }
  - name: civil-marriages
    agency: civil
    kind: marriage
    files: ['marriages-{period}.xlsx']
    columns:
      event.documentNo: 结婚证字号
      event.date: 登记日期
      husband.name: 男方姓名
      husband.residentId: 男方身份证号
      wife.name: 女方姓名
      wife.residentId: 女方身份证号
`

// 11010519491231002X is the standard's own example; the others carry valid check characters.
export const smallPoliceRows = [
  '公民身份号码,姓名,性别,出生日期,住址,居委会,变动类型,变动日期',
  '11010519491231002X,张 伟,男,1949-12-31,河南省郑州市金水区文化路3号,文化路居委会,迁入,2026-10-03',
  '410105199001021234,王丽,女,1990/1/2,花园路5号院2栋,,迁出,2026年10月9日',
  '410105199001021234,王丽,女,1990/1/2,花园路5号院2栋,,迁出', // one cell short
  ',,男,1990/1/2,花园路5号院2栋,,迁出,2026-10-09', // nobody named
  '410105199001021234,李娜,女,1990/1/2,花园路,,改名,2026-10-09', // unmapped event type
]

/** Writes the police CSV (GBK) and the marriage XLSX for 2026-10 and the pipeline file into `dir`. */
export async function writeSmallExports(
  dir: string,
  police: readonly string[] = smallPoliceRows,
): Promise<string> {
  writeFileSync(path.join(dir, 'police-2026-10.csv'), iconv.encode(`${police.join('\r\n')}\r\n`, 'gbk'))
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('登记')
  ws.addRow(['结婚证字号', '登记日期', '男方姓名', '男方身份证号', '女方姓名', '女方身份证号'])
  ws.addRow([
    'J410105-2026-000001',
    new Date(Date.UTC(2026, 9, 12)),
    '赵强',
    '410105198803150019',
    '钱 芳',
    '410105199105060028',
  ])
  await wb.xlsx.writeFile(path.join(dir, 'marriages-2026-10.xlsx'))
  const pipelineFile = path.join(dir, 't.yaml')
  writeFileSync(pipelineFile, smallPipelineText)
  return pipelineFile
}
