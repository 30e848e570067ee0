import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { useMe } from '../../hooks/use-me';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { toastResult } from '../../utils/toast';
import '../parts/index.scss';

/** What the admin sets for the community, each on its own page. */
const links: { text: string; note: string; page: string }[] = [
  { text: '积分超市货架', note: '商品、价格、库存、图片', page: 'settings-mall' },
  { text: '积分有效期', note: '每种积分多久失效', page: 'settings-rules' },
  { text: '美德信用目录', note: '可记分的美德行为和分值', page: 'settings-virtue' },
  { text: '商家核销上限', note: '单笔、每店每日、每人每日', page: 'settings-merchant' },
  { text: '心愿与诉求类别', note: '全区共用，区级管理员设置', page: 'settings-categories' },
  { text: '热线对接', note: '12345热线等转办诉求的接口密钥，区级管理员管理', page: 'settings-hotline' },
];

/**
 * 工作通知: whether staff are asked once for long-term WeChat reminders of new work (政务民生 accounts only) or
 * for one reminder per consent. The whole deployment's; the district admin changes it, anyone else reads it.
 */
function WorkNoticeSetting() {
  const mode = useRemote(() => call('notify.templates', {}));
  const district = useMe().data?.adminScope === 'district';
  const { submit, submitting } = useSubmit('notify.setSubscribeMode');
  const longTerm = mode.data?.staffLongTerm ?? false;

  async function change() {
    const next = !longTerm;
    const sure = await Taro.showModal({
      title: next ? '改为长期订阅？' : '改为一次性订阅？',
      content: next
        ? '只有政务民生类目的小程序可以用长期订阅，并须在后台选用长期模板。工作人员开启一次即长期收到待办提醒。'
        : '工作人员每同意一次，只能收到一条待办提醒；所有待办仍会出现在“消息”里。',
    });
    if (!sure.confirm) return;
    const reply = await submit({ staffLongTerm: next });
    if (reply?.ok) mode.update((d) => ({ ...d, staffLongTerm: reply.data.staffLongTerm }));
    if (reply) toastResult(reply.ok ? { ok: true, text: '已保存' } : { ok: false, text: reply.message });
  }

  if (!mode.data) return null;
  return (
    <View className="cells">
      <View className="cell">
        <View className="cell__body">
          <Text className="cell__title">工作通知</Text>
          <Text className="admin-note">
            {longTerm ? '长期订阅：工作人员开启一次，长期收到待办提醒' : '一次性订阅：每同意一次，提醒一条'}
            {district ? '' : '（全区共用，由区级管理员设置）'}
          </Text>
        </View>
        {district && (
          <Button className="btn btn--default btn--small" loading={submitting} disabled={submitting} onClick={() => void change()}>
            {longTerm ? '改为一次性' : '改为长期'}
          </Button>
        )}
      </View>
    </View>
  );
}

/** 系统设置 (admin): the settings of what the community already runs. */
function SettingsPage() {
  return (
    <PageShell className="admin-settings">
      <Text className="admin-intro">积分超市、积分有效期、美德目录和商家上限只对你所在社区生效；类别和热线对接全区共用。修改后立即生效。</Text>
      <View className="cells">
        {links.map((l) => (
          <View key={l.page} className="cell cell--link" onClick={() => void Taro.navigateTo({ url: `/package-admin/${l.page}/index` })}>
            <Text className="cell__body cell__title">{l.text}</Text>
            <Text className="cell__value">{l.note}</Text>
          </View>
        ))}
      </View>
      <WorkNoticeSetting />
    </PageShell>
  );
}

export default SettingsPage;
