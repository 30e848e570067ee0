import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import './index.scss';

const isH5 = process.env.TARO_ENV === 'h5';
const saveHint = isH5 ? '点「打印」用浏览器打印，或另存为 PDF。' : '长按二维码可保存到手机相册，再拿去打印。';

function Code({ name, url, big = false }: { name: string; url: string; big?: boolean }) {
  return (
    <View className={`code-card${big ? ' code-card--big' : ''}`}>
      {url ? (
        <Image className="code-card__image" src={url} mode="widthFix" showMenuByLongpress />
      ) : (
        <Text className="code-card__missing">二维码暂时无法生成</Text>
      )}
      <Text className="code-card__name">{name}</Text>
    </View>
  );
}

function PrintButton() {
  if (!isH5) return null;
  return (
    <View className="codes__actions">
      <ActionButton onClick={() => window.print()}>打印</ActionButton>
    </View>
  );
}

/** 楼栋码: one building's code (?buildingId), or a grid's codes on one printable sheet (?gridId). */
function CodesPage() {
  const { buildingId, gridId } = useRouter().params;
  const one = useRemote(() => call('org.buildingCode', { buildingId: buildingId! }), buildingId ?? null);
  const sheet = useRemote(() => call('org.printCodes', { gridId: gridId! }), buildingId ? null : (gridId ?? null));
  const load = buildingId ? one : sheet;

  if (!buildingId && !gridId)
    return (
      <PageShell>
        <Empty title="请先选择楼栋或网格" hint="从组织架构页点「楼栋码」或「打印楼栋码」进入。" />
      </PageShell>
    );
  if (load.state === 'error')
    return (
      <PageShell>
        <ErrorView error={load.error} onRetry={() => void load.reload()} />
      </PageShell>
    );
  if (buildingId && one.data) {
    const code = one.data;
    return (
      <PageShell className="codes">
        <Text className="codes__title">{`${code.communityName} · ${code.gridName}`}</Text>
        <Code name={code.name} url={code.url} big />
        <Text className="codes__hint">{`居民用微信扫这个码，进入邻里后会自动填好「${code.name}」。${saveHint}`}</Text>
        <PrintButton />
      </PageShell>
    );
  }
  if (!buildingId && sheet.data) {
    const { items, gridName, communityName } = sheet.data;
    return (
      <PageShell className="codes codes--sheet">
        <Text className="codes__title">{`${communityName} · ${gridName} 楼栋码`}</Text>
        <Text className="codes__hint no-print">{`共 ${items.length} 栋。${saveHint}`}</Text>
        {items.length === 0 ? (
          <Empty title="这个网格还没有楼栋" hint="请管理员在组织架构里先添加楼栋。" />
        ) : (
          <View className="codes__grid">
            {items.map((item) => (
              <Code key={item.buildingId} name={item.name} url={item.url} />
            ))}
          </View>
        )}
        <PrintButton />
      </PageShell>
    );
  }
  return (
    <PageShell>
      <Loading text="正在生成楼栋码…" />
    </PageShell>
  );
}

export default CodesPage;
