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
import { formatDateTime } from '../../utils/date-time';
import './index.scss';

/**
 * 我的数据 (个人信息保护法): what the community keeps about me, kind by kind, in a file the server puts
 * together in the background (a minute or two), copied out as JSON with one tap; and 注销, which asks to type
 * 确认注销, says which duties must be handed over first, and that the rest of the erasure takes a few minutes.
 */
function MyDataPage() {
  const mine = useRemote(() => call('user.exportMine', { again: false }));
  const rebuild = useSubmit('user.exportMine');
  const erase = useSubmit('user.deleteMine');
  const [typed, setTyped] = useState('');
  const [copying, setCopying] = useState(false);

  if (!mine.data)
    return <PageShell className="my-data">{mine.state === 'error' ? <ErrorView error={mine.error} onRetry={mine.reload} /> : <Loading />}</PageShell>;
  const data = mine.data;
  const held = data.sections.filter((s) => s.count > 0);

  async function onCopy() {
    if (!data.url || copying) return;
    setCopying(true);
    try {
      const file = await Taro.request<string>({ url: data.url, dataType: '其他', responseType: 'text' });
      await Taro.setClipboardData({ data: typeof file.data === 'string' ? file.data : JSON.stringify(file.data, null, 2) });
      void Taro.showToast({ title: '已复制，可粘贴保存', icon: 'success' });
    } catch {
      void Taro.showToast({ title: '没有取到文件，请点“重新整理”', icon: 'none' });
    } finally {
      setCopying(false);
    }
  }

  async function onRebuild() {
    const reply = await rebuild.submit({ again: true });
    if (reply?.ok) mine.reload();
  }

  async function onDelete() {
    const reply = await erase.submit({ confirm: deleteConfirmation });
    if (!reply?.ok) return;
    forget();
    await Taro.showModal({
      title: '账号已注销',
      content: '你的登记信息已删除，其余记录正在后台清除，通常几分钟内完成。完成后可以重新加入社区。',
      showCancel: false,
    });
    void Taro.reLaunch({ url: WELCOME });
  }

  return (
    <PageShell className="my-data">
      <Text className="section-title">社区保存的关于你的信息</Text>
      {data.status === 'building' ? (
        <View className="card my-data__building">
          <Text className="my-data__line">正在为你整理数据，通常一两分钟就好。</Text>
          <Text className="my-data__line">可以先做别的，稍后回到这里点下面的按钮。</Text>
          <View className="my-data__actions">
            <ActionButton kind="default" onClick={() => mine.reload()}>
              看看整理好了没有
            </ActionButton>
          </View>
        </View>
      ) : (
        <>
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
          <Text className="my-data__hint">
            {data.generatedAt ? `整理于 ${formatDateTime(data.generatedAt)}。` : ''}每类最多导出最近 100
            条。复制后可以粘贴到微信“文件传输助手”里保存。
          </Text>
          <NoticeBanner failure={rebuild.failure} />
          <View className="my-data__actions">
            <ActionButton busy={copying} onClick={() => void onCopy()}>
              复制我的全部数据
            </ActionButton>
            <ActionButton kind="default" busy={rebuild.submitting} onClick={() => void onRebuild()}>
              重新整理
            </ActionButton>
          </View>
        </>
      )}

      <Text className="section-title">注销账号</Text>
      <View className="card my-data__erase">
        <Text className="my-data__line">注销后，你的姓名、手机、门牌、照片和评价里的个人信息都会删除，心愿和诉求只留下内容、不再显示是谁。</Text>
        <Text className="my-data__line">积分流水按规定保留，但改记在匿名账户下，不再关联到你。</Text>
        <Text className="my-data__line">社区工作人员导出的、可能写有你姓名的表格（保留一天的文件）也会一并删除。</Text>
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
