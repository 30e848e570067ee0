import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { useMe } from '../../hooks/use-me';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { formatDateTime } from '../../utils/date-time';
import { monthLabel } from '../../utils/month';
import { BulletinBody } from '../parts/bulletin-body';
import { PublishForm } from '../parts/publish-form';
import '../parts/index.scss';

const toArchive = () => void Taro.navigateTo({ url: '/package-bulletin/archive/index' });
/** Who may export (report.exportStart's roles): they get 导出 — the export page opened on this month's bulletins. */
const exporters = ['staff', 'street_staff', 'district_staff', 'admin'];
const toExport = (month: string) => void Taro.navigateTo({ url: `/package-export/export/index?kind=bulletin&month=${month}` });

/**
 * 社区月报: one month's bulletin (`?month=`; none: the month just closed). Residents read the published one; the
 * community's staff see the draft too, and publish it here with a note (staff tools → 社区月报).
 */
function BulletinPage() {
  const { params } = useRouter();
  const me = useMe();
  const month = params.month && /^\d{4}-\d{2}$/.test(params.month) ? params.month : undefined;
  const remote = useRemote(() => call('report.bulletin', month ? { month } : {}), month ?? '');
  if (!remote.data) {
    return (
      <PageShell className="bulletin-page">
        {remote.state === 'error' ? <ErrorView error={remote.error} onRetry={remote.reload} /> : <Loading />}
      </PageShell>
    );
  }
  const { bulletin } = remote.data;
  if (!bulletin) {
    return (
      <PageShell className="bulletin-page">
        <Empty
          title={`${monthLabel(remote.data.month)}的月报还没有发布`}
          hint="本月通报将于下月1日生成，社区工作人员核对后发布。"
          action={{ text: '查看往期月报', onClick: toArchive }}
        />
      </PageShell>
    );
  }
  const published = bulletin.status === 'published';
  return (
    <PageShell className="bulletin-page">
      <View className="card bulletin-head">
        <View className="bulletin-head__top">
          <Text className="bulletin-head__title">
            {bulletin.community.name} {monthLabel(bulletin.month)}月报
          </Text>
          <Text className={`tag bulletin-head__status ${published ? 'is-published' : 'is-draft'}`}>{published ? '已发布' : '草稿'}</Text>
        </View>
        <Text className="bulletin-head__line">
          {published && bulletin.publishedAt
            ? `${bulletin.publishedByName ?? '社区'}发布于 ${formatDateTime(bulletin.publishedAt)}`
            : `生成于 ${formatDateTime(bulletin.generatedAt)}，尚未发布，居民还看不到`}
        </Text>
      </View>
      <BulletinBody bulletin={bulletin} />
      {bulletin.canPublish && <PublishForm bulletin={bulletin} onPublished={(b) => remote.update((d) => ({ ...d, bulletin: b }))} />}
      <View className="cells bulletin-more">
        <View className="cell cell--link" onClick={toArchive}>
          <Text className="cell__body cell__title">往期月报</Text>
          <Text className="cell__value">按月份查看</Text>
        </View>
        {me.data?.roles.some((r) => exporters.includes(r)) && (
          <View className="cell cell--link" onClick={() => toExport(bulletin.month)}>
            <Text className="cell__body cell__title">导出</Text>
            <Text className="cell__value">本月月报存为 Excel</Text>
          </View>
        )}
      </View>
    </PageShell>
  );
}

export default BulletinPage;
