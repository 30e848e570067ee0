/**
 * 隐私保护指引 in brief, as the welcome and join pages show it; docs/privacy-guide.md is the full text and says
 * the same (its version is PRIVACY_VERSION in src/shared/domain/join.ts).
 */
export const privacySummary = {
  collect: '加入时：姓名、所住楼栋、单元和门牌号、手机号。发心愿、反映问题时：你写的内容和照片；选择位置时：你所在的位置。',
  why: '用来确认你是本社区居民、让网格员能联系你上门服务，以及记录你的积分。',
  who: '你所在网格的网格员和社区工作人员能看到你的姓名、手机号和门牌，用来核实和联系你；邻居在心愿墙上只看到你的姓（如“王**”）；我们不会把你的信息提供给社区以外的人。',
  rights: '你可以在“我的”里修改登记信息，或退出社区。退出后积分记录按规定保留，但不再显示你的门牌和手机号。',
} as const;
