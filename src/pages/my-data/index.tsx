import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { WELCOME } from '../../services/guest';
import { forget } from '../../services/session-cache';
import { deleteConfirmation } from '../../shared/contract/user';
import './index.scss';

/**
 * 我的数据 (个人信息保护法): what the community keeps about me, kind by kind, copied out in full as JSON with one
 * tap; and 注销, which asks to type 确认注销 and says which duties must be handed over first.
 */
function MyDataPage() {
  const mine = useRemote(() => call('user.exportMine', {}));
  const erase = useSubmit('user.deleteMine');
  const [typed, setTyped] = useState('');

  if (!mine.data)
    return <PageShell className="my-data">{mine.state === 'error' ? <ErrorView error={mine.error} onRetry={mine.reload} /> : <Loading />}</PageShell>;
  const data = mine.data;
  const held = data.sections.filter((s) => s.count > 0);

  async function onCopy() {
    await Taro.setClipboardData({ data: JSON.stringify(data, null, 2) });
    void Taro.showToast({ title: '已复制，可粘贴保存', icon: 'success' });
  }

  async function onDelete() {
    const reply = await erase.submit({ confirm: deleteConfirmation });
    if (!reply?.ok) return;
    forget();
    await Taro.showModal({ title: '账号已注销', content: '你的个人信息已删除。以后想用，可以重新加入社区。', showCancel: false });
    void Taro.reLaunch({ url: WELCOME });
  }

  return (
    <PageShell className="my-data">
      <Text className="section-title">社区保存的关于你的信息</Text>
      <View className="cells">
        {held.map((s) => (
          <View key={`${s.key}-${s.title}`} className="cell">
            <View className="cell__body">
              <Text className="cell__title">{s.title}</Text>
            </View>
            <Text className="cell__value">{s.truncated ? `最近 ${s.count} 条` : `${s.count} 条`}</Text>
          </View>
        ))}
      </View>
      <Text className="my-data__hint">每类最多导出最近 100 条。复制后可以粘贴到微信“文件传输助手”里保存。</Text>
      <View className="my-data__actions">
        <ActionButton onClick={() => void onCopy()}>复制我的全部数据</ActionButton>
      </View>

      <Text className="section-title">注销账号</Text>
      <View className="card my-data__erase">
        <Text className="my-data__line">注销后，你的姓名、手机、门牌、照片和评价里的个人信息都会删除，心愿和诉求只留下内容、不再显示是谁。</Text>
        <Text className="my-data__line">积分流水按规定保留，但不再关联到你的姓名。</Text>
        <Text className="my-data__line">还有认领中的心愿、没签退的值班、店铺或工作职务时，需要先交接。</Text>
        <Text className="my-data__label">请输入“{deleteConfirmation}”四个字</Text>
        <Input
          className="my-data__input"
          value={typed}
          maxlength={8}
          placeholder={deleteConfirmation}
          placeholderClass="input-placeholder"
          onInput={(e) => setTyped(e.detail.value)}
        />
      </View>
      <NoticeBanner failure={erase.failure} />
      <View className="my-data__actions">
        <ActionButton kind="warn" disabled={typed.trim() !== deleteConfirmation} busy={erase.submitting} onClick={() => void onDelete()}>
          注销账号
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default MyDataPage;
