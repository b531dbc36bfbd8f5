/**
 * Import text, zh-CN. Same keys and placeholders as import.en-US.ts. Values (cells, column
 * names, file names) are quoted as written in the export.
 *
 * @example
 * importZhCN["row.notAmount"] // "“{value}”不是金额（列“{column}”）。"
 */
import type { ImportCatalog } from "./import.en-US";

export const importZhCN: ImportCatalog = {
  "issues.sheet": "ImportIssues",
  "issues.title": "未导入的行",
  "issues.summary": "共 {count} 行未计入任何指标。请在导出文件中修正后重新导入。",
  "issues.none": "所有行均已导入。",
  "issues.notices": "已导入的商机中有 {count} 个值被修改（超出单元格长度的文本被截断、无效的币种被忽略），也列在下方。",
  "issues.header.record": "记录",
  "issues.header.line": "行号",
  "issues.header.id": "编号",
  "issues.header.name": "名称",
  "issues.header.reason": "原因",
  "issues.header.details": "详情",

  "reason.fieldCount": "字段数不符",
  "reason.amount": "金额无法识别",
  "reason.missingAmount": "赢单缺少金额",
  "reason.date": "日期无法识别",
  "reason.stage": "未知阶段",
  "reason.status": "未知状态",
  "reason.probability": "赢率无法识别",
  "reason.textCut": "文本已截断（商机已导入）",
  "reason.currency": "币种已忽略（商机已导入）",

  "value.notAmount": "“{value}”不是金额",
  "value.serialNotDate": "{value} 不是日期",
  "value.notDate": "“{value}”不是日期",
  "value.notCalendarDate": "“{value}”不是有效的日历日期",
  "value.notProbability": "“{value}”不是赢率",
  "value.probabilityRange": "“{value}”不是 0% 到 100% 之间的赢率",
  "value.notFlag": "“{value}”不是“是”或“否”",

  "row.brokenQuoting": "引号不配对：{detail}。",
  "row.fieldCount": "该行有 {count} 个字段，表头有 {expected} 个。",
  "row.unknownStatus": "列“{column}”中的状态“{value}”无法识别。",
  "row.notFlag": "列“{column}”中的“{value}”不是“是”或“否”。",
  "row.stageBlank": "阶段为空。",
  "row.unknownStage": "未知阶段“{value}”：销售管道中没有该阶段。",
  "row.openStageBlank": "商机未关闭，但阶段为空。",
  "row.notOpenStage": "商机未关闭，但“{value}”不是销售管道中的进行中阶段。",
  "row.notAmount": "“{value}”不是金额（列“{column}”）。",
  "row.wonWithoutAmount": "商机已赢单，但没有金额（列“{column}”）。",
  "row.serialNotDate": "{value} 不是日期（列“{column}”）。",
  "row.notDate": "“{value}”不是日期（列“{column}”）。",
  "row.notCalendarDate": "“{value}”不是有效的日历日期（列“{column}”）。",
  "row.notProbability": "“{value}”不是赢率（列“{column}”）。",
  "row.probabilityRange": "“{value}”不是 0% 到 100% 之间的赢率（列“{column}”）。",
  "row.textCut": "列“{column}”中的文本有 {length} 个字符，超过 Excel 单元格的上限（{limit}）：已截断为前 {kept} 个字符并加上“{marker}”。该商机已导入。",
  "row.currencyIgnored": "列“{column}”中的“{value}”不是币种代码（如 USD 的三个字母）或货币符号：该商机按 {currency} 导入。",

  "error.emptyFile": "文件为空：没有表头行。",
  "error.emptySheet": "工作表“{sheet}”为空：没有表头行。",
  "error.noBom": "文件被指定为 UTF-16，但没有 UTF-16 字节顺序标记（FF FE 或 FE FF）。",
  "error.decoderMissing": "当前 JavaScript 运行环境无法解码 {encoding}。",
  "error.notEncoding": "文件不是有效的 {encoding} 文本。请选择其他编码（utf-8、utf-16、gb18030），或将导出文件重新保存为 CSV。",
  "error.xlsxUnreadable": "文件看起来是 .xlsx 工作簿，但无法打开：{detail}",
  "error.noSheetNamed": "工作簿中没有名为“{sheet}”的工作表（现有：{names}）。",
  "error.noSheetNamedNone": "工作簿中没有名为“{sheet}”的工作表（现有：无）。",
  "error.noWorksheet": "工作簿中没有工作表。",
  "error.noOpenStages": "销售管道中没有进行中的阶段。",
  "error.noColumnNamed": "文件中没有列“{column}”（用于 {field}）。文件的列：{columns}。",
  "error.noStageColumn": "按 {preset} 预设未找到阶段列（查找了：{candidates}）。文件的列：{columns}。请选择其他预设或指定阶段列。",
  "error.tooManyRows": "文件的数据行超过 {limit} 行：Excel 工作表最多 {rows} 行，其中一行是表头。请拆分导出文件（按日期或负责人）后分别导入。",
  "error.badCurrencyOption": "币种“{value}”不是 USD、CNY 这样的三字母代码，也不是货币符号。",
  "error.xlsxTooManyEntries": "已拒绝该 .xlsx 文件：其中包含超过 {limit} 个文件，正常的工作簿导出不需要这么多。",
  "error.xlsxEntryTooLarge": "已拒绝该 .xlsx 文件：其部件 {entry} 解压后为 {size} MB，超过允许的 {limit} MB。",
  "error.xlsxTooLarge": "已拒绝该 .xlsx 文件：解压后将超过 {limit} MB。",
  "error.xlsxRatio": "已拒绝该 .xlsx 文件：其部件 {entry} 的压缩比为 {ratio} 比 1，超过正常工作簿的 {limit} 比 1（可能是压缩炸弹）。",
  "error.xlsxSizeMismatch": "已拒绝该 .xlsx 文件：其部件 {entry} 解压后超过其目录声明的 {size} 字节。",
  "error.noAmountColumn": "按 {preset} 预设未找到金额列（查找了：{candidates}）。文件的列：{columns}。请选择其他预设或指定金额列。",
};
