/** Labels of the rider audit panel (the workbench's `fairpace audit riders`). */

export const AUDIT_ZH = {
  'audit.heading': '骑手记录审计：收入与工时',
  'audit.hint':
    '放入会员自己从骑手手机应用整理的订单记录（CSV，或装有一个 CSV 的 zip），对照最低工资和工时上限逐个骑手日核算。文件只在这台电脑的浏览器里读取，不会上传到任何地方。',
  'audit.layout':
    '格式（每单一行，列名照写）：{records}，可选 {optional}；时间写明与协调世界时的时差，例如 {example}。在线时长文件：{online}。',
  'audit.records': '订单记录',
  'audit.online': '在线时长（可选）',
  'audit.drop': '把文件拖到这里，或点击选择',
  'audit.chosen': '{name}（{kb} KB）',
  'audit.clear': '移除',
  'audit.standards': '对照的标准',
  'audit.standards.editor': '编辑器中的情景（{name}）',
  'audit.salt': '哈希盐（只保存在这台电脑上）',
  'audit.saltHint':
    '骑手编号会换成加盐哈希，报告里没有任何骑手编号。要与命令行 {command} 得到相同的哈希，请粘贴同一个盐；不要把盐交给别人。',
  'audit.newSalt': '生成新盐',
  'audit.summary': '{riders} 名骑手，{orders} 单，{days} 个骑手日（{first} 至 {last}）',
  'audit.basis.online': '工时为骑手自己记录的在线时长。',
  'audit.basis.engaged':
    '没有在线时长文件：工时按接单时长（有订单在手）计算，少于在线时长——每小时收入是上限，低于最低工资和超时的比例是下限。',
  'audit.duplicates': '重复的 {count} 行只计一次。',
  'audit.col.figure': '指标',
  'audit.col.value': '数值',
  'audit.col.interval': '95% 区间',
  'audit.col.n': 'n',
  'audit.downloadZip': '下载审计包（audit.zip）',
  'audit.downloadReport': '下载报告（report.html）',
  'audit.error': '无法审计：',
  'audit.tooBig': '{file} 有 {bytes} 字节，超过上限 {max} 字节。',
  'audit.readError': '读取文件出错：{message}',
  'audit.running': '正在审计…',
};

export const AUDIT_EN: Record<keyof typeof AUDIT_ZH, string> = {
  'audit.heading': 'Rider records audit: pay and hours',
  'audit.hint':
    'Drop the order records members collected from their rider apps (a CSV, or a zip holding one CSV) to check each rider-day against the minimum wage and the working-time limits. The files are read in this browser on this computer and uploaded nowhere.',
  'audit.layout':
    'Layout (one row per order, column names as written): {records}, optionally {optional}; ISO 8601 times with their offset, e.g. {example}. Online-time file: {online}.',
  'audit.records': 'Order records',
  'audit.online': 'Online time (optional)',
  'audit.drop': 'Drop a file here, or click to choose',
  'audit.chosen': '{name} ({kb} KB)',
  'audit.clear': 'Remove',
  'audit.standards': 'Standards',
  'audit.standards.editor': 'The scenario in the editor ({name})',
  'audit.salt': 'Hash salt (kept on this computer only)',
  'audit.saltHint':
    'Rider ids become salted hashes; no rider id is in the report. Paste the same salt as {command} to get the same hashes; never give the salt away.',
  'audit.newSalt': 'New salt',
  'audit.summary': '{riders} riders, {orders} orders, {days} rider-days ({first} to {last})',
  'audit.basis.online': 'Hours are the riders’ own online hours.',
  'audit.basis.engaged':
    'No online-time file: hours are engaged hours (an order in the bag), fewer than online hours — pay per hour is an upper bound, the shares below the minimum wage and over the limits are lower bounds.',
  'audit.duplicates': '{count} repeated rows counted once.',
  'audit.col.figure': 'Figure',
  'audit.col.value': 'Value',
  'audit.col.interval': '95% interval',
  'audit.col.n': 'n',
  'audit.downloadZip': 'Download audit.zip',
  'audit.downloadReport': 'Download report.html',
  'audit.error': 'Cannot audit:',
  'audit.tooBig': '{file} is {bytes} bytes, more than the limit of {max}.',
  'audit.readError': 'Could not read the file: {message}',
  'audit.running': 'Auditing…',
};
