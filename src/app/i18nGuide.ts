/** The guided walk-through's words (一步步看懂 / Walk me through it), in Chinese and English. */

export const GUIDE_ZH = {
  'guide.heading': '一步步看懂',
  'guide.intro':
    '六步，每步一句话、一张图、一个可以动手改的参数。每一步都用编辑器里的情景现场运行（只比较第一个和最后一个方案，各 {reps} 次），所以数字会与上面的结果略有出入。',
  'guide.needsArms': '这个导览需要至少两个方案（例如“最严算法”和“算法取中”）。',
  'guide.invalid': '编辑器里的情景有错误，改正后导览才能运行。',
  'guide.badValue': '这个数值让情景无效，请换一个。',
  'guide.prev': '上一步',
  'guide.next': '下一步',
  'guide.stepOf': '第 {n} 步，共 {total} 步：{title}',
  'guide.try': '动手试试：',
  'guide.minus': '减少',
  'guide.plus': '增加',
  'guide.running': '正在运行……',
  'guide.ran': '已运行 {runs} 次。',
  'guide.title.promise': '承诺时间是怎么“学”出来的',
  'guide.title.pressure': '承诺太短，骑手怎么办',
  'guide.title.ratchet': '一天天收紧的棘轮',
  'guide.title.pay': '收入、工时和风险',
  'guide.title.platform': '算法取中让平台付出什么',
  'guide.title.model': '模型假设了什么，与现实对得上多少',
  'guide.try.promise': '较严方案按第几百分位承诺',
  'guide.try.pressure': '超时罚款（元/单）',
  'guide.try.ratchet': '模拟天数',
  'guide.try.pay': '每单基础价（元）',
  'guide.try.platform': '平台每单配送收入（元）',
  'guide.try.model': '骑手舒适车速的平均值（公里/小时）',
  'guide.say.promise':
    '平台不会凭空定时限：它把过去的送达用时排成一列（按距离段分别排），取其中一个百分位作为下一单的承诺。图中是一天 {orders} 单的下单到送达用时。p{p} 是只有最快的 {p}% 的订单做到的用时，约 {pMin} 分钟；p50 是一半订单做到的用时，约 {p50Min} 分钟。承诺定在 p{p}，{strict}下准时的订单只有 {onTime}；{loose}下是 {onTimeLoose}。',
  'guide.say.pressure':
    '承诺太短，骑手只能赶：骑得更快、闯红灯。{strict}下，{speed} 的骑行里程超过每小时 {limit} 公里，每人每天闯红灯 {red} 次；{loose}下是 {speedLoose} 和 {redLoose} 次。超时罚款越重，赶的压力越大。',
  'guide.say.ratchet':
    '棘轮是这样转的：骑手为了赶上承诺而加快，过去的送达就变快了；平台再从这些更快的送达里学习，第二天的承诺就更短。这里平台每天按最近 {window} 天的送达重新学习，共 {days} 天：{strict}的平均承诺从第 1 天的 {first}变成最后一天的 {last}；{loose}从 {firstLoose}变成 {lastLoose}。',
  'guide.say.pay': '{sentence} 每单基础价越高，两种算法下骑手都多收入，但两者之间的差距还在。',
  'guide.say.platform':
    '算法取中也有代价，由平台承担。与{strict}相比，{loose}下平台每天付给骑手的报酬{payWord} {pay}，配送利润{marginWord} {margin}（整座城市，每天）。平台每单收入越高，留给双方的空间越大。',
  'guide.say.model':
    '模型是简化的：城市是合成的，骑手按几条简单规则行事，事故风险只能相对比较。它与公开的数字对得上多少？在 {judged} 项可以对照的数字中，{within} 项落在观测范围内。骑手的舒适车速是模型的一个假设：改一改，看哪些对照跟着变。下方“模型校验”里有完整的表格和来源。',
  'guide.more': '多',
  'guide.less': '少',
  'guide.chart.promise.title': '过去的送达用时',
  'guide.chart.promise.x': '下单到送达（分钟）',
  'guide.chart.promise.y': '订单数',
  'guide.chart.promise.caption': '竖线是两个承诺：较严方案的百分位和第 50 百分位（算法取中）。',
  'guide.chart.pay.title': '每名骑手：收入、在线时长和事故风险',
  'guide.chart.pay.caption': '各方案的平均值。',
} satisfies Record<string, string>;

export const GUIDE_EN: Record<keyof typeof GUIDE_ZH, string> = {
  'guide.heading': 'Walk me through it',
  'guide.intro':
    'Six steps, each with one sentence, one chart and one parameter to try. Every step runs the scenario in the editor live (the first and the last arm only, {reps} replications each), so the numbers differ a little from the results above.',
  'guide.needsArms': 'The walk-through needs at least two arms (the strictest algorithm and algorithm-median, say).',
  'guide.invalid': 'The scenario in the editor has an error; fix it and the walk-through runs.',
  'guide.badValue': 'That value makes the scenario invalid; try another.',
  'guide.prev': 'Back',
  'guide.next': 'Next',
  'guide.stepOf': 'Step {n} of {total}: {title}',
  'guide.try': 'Try it: ',
  'guide.minus': 'Less',
  'guide.plus': 'More',
  'guide.running': 'Running…',
  'guide.ran': 'Runs so far: {runs}.',
  'guide.title.promise': 'How the promise is learned',
  'guide.title.pressure': 'What couriers do when the promise is short',
  'guide.title.ratchet': 'The ratchet, day by day',
  'guide.title.pay': 'Pay, hours and risk',
  'guide.title.platform': 'What the median costs the platform',
  'guide.title.model': 'What the model assumes, and how well it matches',
  'guide.try.promise': 'Stricter arm’s percentile',
  'guide.try.pressure': 'Late fine (CNY per order)',
  'guide.try.ratchet': 'Days simulated',
  'guide.try.pay': 'Base fee per order (CNY)',
  'guide.try.platform': 'Platform revenue per order (CNY)',
  'guide.try.model': 'Couriers’ mean comfort speed (km/h)',
  'guide.say.promise':
    'The platform does not make the deadline up: it lines up past delivery times (per distance band) and takes one percentile as the next order’s promise. The chart shows the order-to-door times of {orders} orders in a day. p{p} is the time only the fastest {p}% of orders made, about {pMin} min; p50 is the time half of them made, about {p50Min} min. With the promise at p{p}, {onTime} of orders are on time under {strict}; under {loose}, {onTimeLoose}.',
  'guide.say.pressure':
    'When the promise is short, couriers hurry: they ride faster and run red lights. Under {strict}, {speed} of the km ridden are above {limit} km/h and each courier runs {red} red lights a day; under {loose}, {speedLoose} and {redLoose}. The heavier the late fine, the harder the push.',
  'guide.say.ratchet':
    'This is how the ratchet turns: couriers speed up to make the promise, so past deliveries get faster; the platform learns from those faster deliveries, so the next day’s promise is shorter. Here the platform relearns each day from the last {window} days, for {days} days: the mean promise under {strict} goes from {first} on day 1 to {last} on the last day; under {loose}, from {firstLoose} to {lastLoose}.',
  'guide.say.pay': '{sentence} A higher base fee raises pay under both algorithms, but the gap between them stays.',
  'guide.say.platform':
    'Algorithm-median has a price, and the platform pays it. Compared with {strict}, under {loose} the platform pays couriers {pay} {payWord} a day and its delivery margin is {margin} {marginWord} (the whole city, per day). The more the platform earns per order, the more room both sides have.',
  'guide.say.model':
    'The model is simple: the city is synthetic, couriers follow a few rules, and crash risk compares arms rather than counting crashes. How well does it match published figures? Of {judged} figures it can be held against, {within} fall inside the observed range. Couriers’ comfort speed is one of its assumptions: change it and see which checks move. The model check below has the full table and sources.',
  'guide.more': 'more',
  'guide.less': 'less',
  'guide.chart.promise.title': 'Past delivery times',
  'guide.chart.promise.x': 'Order to door (min)',
  'guide.chart.promise.y': 'Orders',
  'guide.chart.promise.caption':
    'The lines are the two promises: the stricter arm’s percentile and the 50th (algorithm-median).',
  'guide.chart.pay.title': 'Per courier: pay, hours online and crash risk',
  'guide.chart.pay.caption': 'Each arm’s mean.',
};
