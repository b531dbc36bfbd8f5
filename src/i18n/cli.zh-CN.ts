/**
 * Command-line text, zh-CN. Same keys and placeholders as cli.en-US.ts (a missing key is a
 * type error, a changed placeholder fails tests/i18n/catalogs.test.ts). Options, codes and
 * the file's own words stay as typed.
 *
 * @example
 * cliZhCN["progress.reading"] // "正在读取… {percent}%（{rows} 行）"
 */
import type { CliCatalog } from "./cli.en-US";

export const cliZhCN: CliCatalog = {
  "list.comma": "，",
  "list.semicolon": "；",
  "list.more": "  ……另有 {count} 条。",
  "count.byte.one": "{count} 字节",
  "count.byte.other": "{count} 字节",
  "count.line.one": "{count} 行",
  "count.line.other": "{count} 行",
  "count.record.one": "{count} 条记录",
  "count.record.other": "{count} 条记录",
  "count.blankLine.one": "{count} 个空行",
  "count.blankLine.other": "{count} 个空行",
  "count.deal.one": "{count} 个商机",
  "count.deal.other": "{count} 个商机",
  "count.row.one": "{count} 行",
  "count.row.other": "{count} 行",
  "count.text.one": "{count} 段文本",
  "count.text.other": "{count} 段文本",

  "arg.pipeline": "--pipeline 需要一个销售流程的名称，写法与文件中销售流程列一致。",
  "arg.mapShape": "--map 的写法是 字段=表头（例如 --map amount=\"Deal size\"），而不是“{value}”。",
  "arg.mapField": "--map 中的字段“{name}”未知。可用的字段：{fields}。",
  "arg.mapHeader": "--map {field}= 的“=”后面需要写列的表头。",
  "arg.mapTwice": "--map 两次指定了字段 {field}（“{first}”和“{second}”），请只指定一次。",
  "arg.command": "未知命令“{command}”。可用的命令是“build”和“inspect”；参见 salesquant --help。",
  "arg.unexpected": "多余的参数“{value}”。",
  "arg.buildOnly": "--{name} 是 salesquant build 的选项；inspect 只读取文件，不写入任何内容。",
  "arg.noValue": "--{name} 不带值。",
  "arg.needsValue": "选项 --{name} 需要一个值。",
  "arg.preset": "未知预设“{value}”。可用：auto、{presets}。",
  "arg.encoding": "未知编码“{value}”。可用：{encodings}。",
  "arg.locale": "未知语言“{value}”。可用：en-US 或 zh-CN。",
  "arg.currency": "币种“{value}”不是三个字母的代码（如 USD 或 CNY）。",
  "arg.update": "--update 必须指定之前生成的 .xlsx 工作簿，而不是“{value}”。",
  "arg.stages": "--stages 至少需要一个阶段名称。",
  "arg.dateOrder": "--date-order 只能是 MDY、DMY 或 auto，而不是“{value}”。",
  "arg.decimalMark": "--decimal-mark 只能是“.”（或 dot）、“,”（或 comma）或 auto，而不是“{value}”。",
  "arg.unknownOption": "未知选项 --{name}。参见 salesquant --help。",
  "arg.missingInputInspect": "缺少 --input 文件（要检查的 CRM 导出文件）。",
  "arg.missingInputBuild": "缺少 --input 文件（要读取的 CRM 导出文件）。",
  "arg.missingOut": "缺少 --out 文件.xlsx（工作簿的保存位置）。",
  "arg.outXlsx": "--out 必须指定 .xlsx 文件，而不是“{value}”。",

  "plan.unreadable": "无法读取提成方案 {file}：{reason}",
  "plan.invalid": "提成方案 {file} 无效：",
  "plan.wholePlan": "（方案）",
  "plan.warning": "警告：{field}：{message}",
  "quotas.unreadable": "无法读取配额文件 {file}：{reason}",
  "quotas.invalid": "配额文件 {file} 无法使用：",
  "quotas.perPeriod": "配额文件 {file} 为 {reps} 的各期间给出了不同的配额，而提成方案每个期间只有一个配额：请给该销售一个配额，并在方案中设置爬坡（ramp）。",
  "update.unreadable": "无法读取要更新的工作簿 {file}：{reason}",
  "update.notBuilt": "{file} 中没有 salesquant 生成的工作表可以更新；请不带 --update 生成新的工作簿。",
  "update.needsPlan": "{file} 含有提成工作表（{sheets}）：请再次提供 --commission-plan；在这些工作表上填写的设置、档位和配额会保留。",

  "read.missing": "输入文件 {file} 不存在。",
  "read.unreadable": "无法读取输入文件 {file}：{reason}",
  "read.notExport": "无法读取 {file}：{reason}",
  "read.failed": "读取 {file} 失败：{reason}",
  "progress.reading": "正在读取… {percent}%（{rows} 行）",

  "build.noDataRows": "无法从 {file} 读取任何商机：文件只有表头，没有数据行；未写入任何内容。",
  "build.noDealOne": "无法从 {file} 读取任何商机：唯一的数据行未导入（{reasons}），因此没有可生成的工作簿；未写入任何内容。前几条原因：",
  "build.noDealMany": "无法从 {file} 读取任何商机：全部 {records} 个数据行均未导入（{reasons}），因此没有可生成的工作簿；未写入任何内容。前几条原因：",
  "build.strictOne": "--strict：{file} 的 {records} 个数据行中有 {skipped} 行将不会导入（{reasons}）；未写入任何内容。",
  "build.strictMany": "--strict：{file} 的 {records} 个数据行中有 {skipped} 行将不会导入（{reasons}）；未写入任何内容。",
  "build.strictHint": "请在导出文件中修正这些行，或用以下命令查看文件的读取方式：salesquant inspect --input {file}",
  "build.notPlanned": "无法规划工作簿：",
  "build.wholeWorkbook": "（工作簿）",
  "write.refused": "无法写入 {file}：{reason}",
  "write.failed": "无法写入 {file}：{reason}。已存在的文件保持原样。",
  "write.symlink": "它是符号链接，工作簿不会通过链接写入。请给出文件本身的路径，或删除该链接。",
  "write.folder": "它是一个文件夹。",
  "write.notFile": "它不是普通文件。",

  "summary.wrote":
    "已写入 {out}：{imported} 个商机（{open} 个进行中，{won} 个赢单，{lost} 个输单），来自 {input}（预设：{preset}{encoding}）；{skipped} 行未导入{notices}，详见“{sheet}”工作表。",
  "summary.encoding": "，{encoding}",
  "summary.notices": "，{notices} 个值带提示导入（{cut} 段文本因超出单元格长度被截断）",
  "issue.line": "  第 {line} 行（记录 {record}{id}）：{reason}",
  "issue.id": "，编号 {id}",
  "issue.reasonCount": "{reason}：{count}",

  "refresh.carried": "已根据 {book} 更新：{count} 个填写过的输入单元格已放回各自的行（与本次生成的默认值不同的值）。",
  "refresh.replaced": "  {count} 个输入单元格改用本次给出的值（表选项或 --quotas），不再沿用工作簿中原有的值。",
  "refresh.orphans": "  {count} 个填写过的输入已没有对应的行（其销售、阶段或期间不在本次导出中），不会出现在新工作簿中：",
  "refresh.orphan": "    {sheet}，{key}：{values}",
  "refresh.moreOrphans": "    ……另有 {count} 个。",
  "refresh.displaced": "  你在生成的表格旁填写的 {count} 组单元格现在位于表格内，未保留：{cells}{more}。",
  "refresh.moreDisplaced": "，……",
  "refresh.kept": "  原样保留（本次生成不包含它们）：{names}。",

  "inspect.file": "文件",
  "inspect.format": "格式",
  "inspect.encoding": "编码",
  "inspect.delimiter": "分隔符",
  "inspect.decimalMark": "小数点",
  "inspect.dateOrder": "日期顺序",
  "inspect.preset": "预设",
  "inspect.title": "表头",
  "inspect.pipelines": "销售流程",
  "inspect.pipeline": "{name}（{rows}）",
  "inspect.pipelineLeftOut": "{name}（{rows}，按 --pipeline 未导入）",
  "inspect.blankLines": "空行",
  "inspect.footer": "表尾",
  "inspect.otherEncoding": "其他编码",
  "inspect.counts": "计数：",
  "inspect.records": "  记录",
  "inspect.imported": "  已导入",
  "inspect.leftOut": "  未导入",
  "inspect.notices": "  提示",
  "inspect.outcome": "结果",
  "inspect.issues": "问题",
  "inspect.none": "无",
  "inspect.fileValue": "{file}（{bytes}）",
  "inspect.formatCsv": "CSV 文本",
  "inspect.formatXlsxSheet": "XLSX 工作簿，工作表 {sheet}",
  "inspect.formatXlsxFirst": "XLSX 工作簿，第一个工作表",
  "inspect.encodingXlsx": "无：.xlsx 工作簿自带文本编码",
  "inspect.encodingUnknown": "未知",
  "inspect.encodingGiven": "{used}（按指定：--encoding {given}）",
  "inspect.encodingBomUtf8": "{used}（文件以 UTF-8 字节顺序标记 EF BB BF 开头）",
  "inspect.encodingBomUtf16": "{used}（文件以 UTF-16 字节顺序标记 {bom} 开头）",
  "inspect.encodingUtf8": "{used}（无字节顺序标记；字节是有效的 UTF-8）",
  "inspect.encodingBestFit": "{used}（无字节顺序标记，且不是有效的 UTF-8；在其他编码中最符合这些字节的一种）",
  "inspect.delimiterXlsx": "无：.xlsx 工作簿由单元格组成",
  "inspect.delimiterUnknown": "导入未报告",
  "inspect.delimiterNamed": "{name}（{delimiter}）",
  "inspect.delimiter.comma": "逗号",
  "inspect.delimiter.semicolon": "分号",
  "inspect.delimiter.tab": "制表符",
  "inspect.delimiter.bar": "竖线",
  "inspect.delimiter.space": "空格",
  "inspect.markPoint": "“{mark}”（小数点）",
  "inspect.markComma": "“{mark}”（逗号）",
  "inspect.markGiven": "{mark}，按指定（--decimal-mark）",
  "inspect.markData": "{mark}，根据数据判断",
  "inspect.markAmbiguous": "{mark}，无法确定：每个金额两种写法都说得通；已使用“{used}”——如有误，请传入 --decimal-mark {other}",
  "inspect.markDefault": "{mark}，默认值：文件中没有能说明小数点的金额",
  "inspect.orderGiven": "{order}，按指定（--date-order）",
  "inspect.orderData": "{order}，根据数据判断",
  "inspect.orderAmbiguous": "{order}，无法确定：每个日期两种顺序都说得通；已使用 {order}——如有误，请传入 --date-order {other}",
  "inspect.orderDefault": "{order}，默认值：文件中没有年份在后、能说明顺序的日期",
  "inspect.presetGiven": "{preset}，按指定（--preset {given}）",
  "inspect.presetData": "{preset}，根据表头识别（只有该 CRM 导出的列）",
  "inspect.presetDefault": "{preset}，默认值：未找到任何 CRM 特有的表头",
  "inspect.columns": "列（字段 -> 文件中的列）：",
  "inspect.notMapped": "未映射",
  "inspect.unit": "（表头注明的单位：{unit}）",
  "inspect.byMap": "（--map）",
  "inspect.stages": "阶段（按管道顺序，各阶段的商机数）：",
  "inspect.noStage": "  无：未读取到任何商机",
  "inspect.open": "进行中",
  "inspect.won": "赢单",
  "inspect.lost": "输单",
  "inspect.stageAdded": "新增：不是预设中的阶段，作为进行中阶段放入",
  "inspect.stagesUnused": "  预设中未使用的阶段（没有商机）：{stages}",
  "inspect.headerLine": "第 {line} 行",
  "inspect.titleLines": "第 {line} 行；其上有 {lines}，未作为商机读取：",
  "inspect.titleLine": "  第 {line} 行：{text}",
  "inspect.blankValue": "数据中有 {lines}，已跳过",
  "inspect.footerLines": "数据之后有 {lines}，未作为商机读取：",
  "inspect.footerLine": "  第 {line} 行：{text}",
  "inspect.footerRecords": "第 {line} 行空行之后有 {records}，未作为商机读取",
  "inspect.otherEncodingValue": "{lines} 按 {encoding} 读取：{list}{more}",
  "inspect.listMore": "，……",
  "inspect.importedValue": "{imported}（{open} 个进行中，{won} 个赢单，{lost} 个输单）",
  "inspect.cut": "（{texts}因超出单元格长度被截断）",
  "inspect.noDataRows": "build 将停止（退出码 3）：文件没有数据行",
  "inspect.noDeal": "build 将停止（退出码 3）：所有行都不会导入",
  "inspect.wouldWriteStrictStops": "build 将写入 {deals}；加上 --strict 则会停止（退出码 4）：{rows}未导入",
  "inspect.wouldWrite": "build 将写入 {deals}；--strict 也会通过",
  "inspect.issuesHeader": "问题（{count}；{skipped} 行未导入，{notices} 条提示）：",
  "inspect.issuesFirst": "共 {total} 条中的前 {shown} 条",
  "inspect.command": "同样的导入，每项设置都写成选项（改正其中一项即可纠正）：",

  "help.presetPrefix": "  --preset NAME            auto（默认）|",
  "help.text": `salesquant：无需 Excel，从 CRM 导出文件生成销售管理工作簿。

用法：
  salesquant build --input FILE --out FILE.xlsx [选项]
  salesquant build --update BOOK.xlsx --input NEW.csv --out BOOK.xlsx [选项]
  salesquant inspect --input FILE [读取选项]
  salesquant --help

build 生成的工作簿包含以下工作表：商机（规范化后的表格）、销售漏斗、销售绩效、月度收入、
复盘、预测、客户档案、仪表板和导入问题（未导入的行及原因）；提供提成方案时还有提成工作表。
所有表格都是基于商机表的实时公式。

inspect 按 build 完全相同的方式读取导出文件，只打印发现的内容，不写入任何文件：
格式、编码、分隔符、小数点、日期顺序、预设（各附原因）、每个字段读取自哪一列、
各阶段及其商机数、空行和表尾行、计数、前 10 个问题，最后给出一条 build 命令，
把检测到的每项设置都写成选项，猜错的一项只需改一个选项即可纠正。

读取选项（build 和 inspect）：
  --input FILE             CRM 导出文件：.csv（下列任一编码）或 .xlsx
{presets}
  --map FIELD=HEADER       从表头为 HEADER 的列读取字段 FIELD，与任务窗格的映射编辑器相同；
                           每个字段写一次：
                           --map amount="Deal size" --map owner=Rep
                           表头是第一个“=”之后的全部内容；FIELD 为以下之一：
{fields}
{encodings}
                           （默认 auto：有字节顺序标记按标记，否则有效的 UTF-8，
                           否则选最符合这些字节的编码）
  --sheet NAME             .xlsx 输入：要读取的工作表（默认第一个）
  --pipeline NAME          只导入这个销售流程的商机（按文件的销售流程列；HubSpot、Pipedrive
                           和 Zoho 可有多个流程）；其他行不算商机也不算问题（默认：全部流程，
                           合成一个漏斗）
  --date-order ORDER       MDY | DMY | auto：3/5/2025 的读法（默认 auto：根据文件中的日期；
                           所有日期两种顺序都说得通时用 MDY）
  --decimal-mark MARK      . | , | auto：金额和赢率的小数点（默认 auto：根据文件中的金额）；
                           也接受 "dot" 和 "comma"
  --stages "A,B,C"         按顺序列出进行中的阶段，替换预设的阶段
  --won "A,B"              赢单的标签，替换预设的标签
  --lost "A,B"             输单的标签，替换预设的标签
  --currency CODE          没有货币符号的金额及工作表所用的币种（USD、CNY、EUR……）

生成选项：
  --out FILE.xlsx          工作簿的保存位置（已存在时一步替换；拒绝符号链接）
  --locale NAME            en-US | zh-CN（默认：表头为中文时 zh-CN，否则 en-US）
  --commission-plan FILE   提成方案（JSON），用于添加提成工作表
  --update BOOK.xlsx       用本次导出刷新之前生成的工作簿：同样的工作表（改过名也能找到）
                           换上新的数字；输入单元格中填写的每个值（配额、目标、权重、方案设置）
                           按键（销售、阶段、指标）放回所在行；所在行已消失的输入会列出；
                           你添加的工作表和单元格保留（其值、公式和数字格式）。
                           --out 可以就是 BOOK.xlsx：一步替换，出错时保持原样
  --quotas FILE.csv        每位销售的配额：Rep 和 Quota 列（可选 Period 列，此时销售绩效表上
                           该销售的配额为其各行之和）；方案对所有人只给一个配额时，
                           也作为提成方案的每人配额
  --strict                 只要有行不会导入就不写入任何内容：打印问题并以退出码 4 结束
                           （带提示导入的行不算）
  --quiet                  不显示进度
  -h, --help               显示本说明

工作表选项（build；默认值与任务窗格相同；留空的输入由你在表中填写）：
{sheetOptions}

语言：
  消息、inspect 的报告和本说明使用 --locale 指定的语言（inspect 也接受该选项）；
  未指定时，LC_ALL、LC_MESSAGES 或 LANG 以“zh”开头则用中文，否则用英文。
  工作簿的语言为 --locale，未指定时按数据判断（中文表头：zh-CN）。

退出码：
  0  build：已写入工作簿；inspect：已读取并描述文件（即使所有行都不会导入）
  2  参数错误（未知的选项或值、未知的 --map 字段、缺少 --input 或 --out、
     无法读取的提成方案）
  3  无法读取输入（文件不存在、不是 CSV 或 XLSX 导出文件、字节不符合编码、
     没有阶段列或金额列、文件中没有 --map 指定的表头）；build 还包括：
     没有数据行，或所有行都未导入因而没有商机（消息会说明原因）
  4  build --strict：有行不会导入；会列出这些行，且不写入任何内容
  1  其他情况（无法写入工作簿，或 --out 是符号链接）

示例：
  npx salesquant inspect --input deals.csv
  npx salesquant build --input deals.csv --preset zoho --out deals.xlsx
  npx salesquant build --input export.csv --map amount="Deal size" --map owner=Rep --strict \\
    --out deals.xlsx
  npx salesquant build --input 商机.csv --preset fxiaoke --locale zh-CN --out 商机.xlsx
  npx salesquant build --update deals.xlsx --input june.csv --out deals.xlsx
`,
};
