import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CareModeSwitch } from '../../components/care-mode-switch';
import { PageShell } from '../../components/page-shell';
import { PersonaList } from '../../components/persona-picker';
import { ErrorView, Loading } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { useUnread } from '../../hooks/use-unread';
import { needsPersona } from '../../services/persona';
import { roleLabels } from '../../shared/domain/roles';
import { linksFor } from '../../utils/me-links';
import './index.scss';

function MePage() {
  const me = useMe();
  const unread = useUnread(true);
  const mine = linksFor(me.data?.roles ?? []);
  const place = me.data ? [me.data.communityName, me.data.gridName, me.data.buildingName].filter(Boolean).join(' · ') : '';

  return (
    <PageShell className="me">
      {me.state === 'loading' && <Loading />}
      {me.state === 'error' && <ErrorView error={me.error} onRetry={me.reload} />}
      {me.data && (
        <>
          <View className="me__profile">
            <View className="me__avatar">{Array.from(me.data.name)[0]}</View>
            <View className="me__who">
              <Text className="me__name">{me.data.name}</Text>
              <View className="me__roles">
                {me.data.roles.map((r) => (
                  <Text key={r} className="tag me__role">
                    {roleLabels[r]}
                  </Text>
                ))}
              </View>
              <Text className="me__place">{place}</Text>
            </View>
          </View>
          <CareModeSwitch />
          <View className="cells">
            <View className="cell cell--link me__messages" onClick={() => void Taro.navigateTo({ url: '/pages/messages/index' })}>
              <Text className="cell__body cell__title">消息</Text>
              <Text className="cell__value">{unread > 0 ? '有新消息' : '进展与待办通知'}</Text>
              {unread > 0 && <Text className="me__badge">{unread > 99 ? '99+' : unread}</Text>}
            </View>
          </View>
          {mine.length > 0 && (
            <View className="cells">
              {mine.map((l) => (
                <View key={l.url} className="cell cell--link" onClick={() => void Taro.navigateTo({ url: l.url })}>
                  <Text className="cell__body cell__title">{l.text}</Text>
                  <Text className="cell__value">{l.note}</Text>
                  {l.badge && Boolean(me.data?.[l.badge]) && <Text className="me__badge">{me.data?.[l.badge]}</Text>}
                </View>
              ))}
            </View>
          )}
        </>
      )}
      {needsPersona && (
        <>
          <Text className="section-title">演示身份（仅本地演示环境）</Text>
          <PersonaList />
        </>
      )}
    </PageShell>
  );
}

export default MePage;
