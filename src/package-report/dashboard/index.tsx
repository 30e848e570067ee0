import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChipFilter } from '../../components/chip-filter';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useCareMode } from '../../hooks/use-care-mode';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { serverNow } from '../../services/server-clock';
import type { Output } from '../../shared/contract';
import { levelLabels, petitionLevels, type PetitionLevel } from '../../shared/domain/petition-ladder';
import { minuteCst, monthOf } from '../../shared/domain/time';
import { shiftMonth } from '../../utils/month';
import { F2Chart } from '../parts/f2-chart';
import { categoryChart, gridChart, satisfactionChart, trendChart } from './charts';
import { NumberGrid } from './number-grid';
import { casesUrl, customProblem, periodDays, type CasesLink, type Metric, type PeriodKind } from './period';
import '../parts/index.scss';
import './index.scss';

type Dashboard = Output<'report.dashboard'>;

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const hours = (v: number | null) =>
  v === null ? '—' : v < 0 ? '超过30天' : v < 48 ? `${Math.round(v * 10) / 10}小时` : `${Math.round((v / 24) * 10) / 10}天`;
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <View className="dash-section card">
      <Text className="dash-section__title">{title}</Text>
      {hint && <Text className="dash-section__hint">{hint}</Text>}
      {children}
    </View>
  );
}

/**
 * 明星党员 and 美德商铺 of the month: the community's own lists, and its 红黄蓝 visits (走访覆盖, summed over its grids)
 * — a community's staff only; one more call each, made together. Visits that fail to load leave only their section out.
 */
function useHonours(kind: Dashboard['scope']['kind'] | undefined) {
  return useRemote(
    async () => {
      const lastMonth = shiftMonth(monthOf(new Date(serverNow())), -1);
      const [ranking, shops, coverage] = await Promise.all([
        call('points.ranking', { month: lastMonth }),
        call('shop.listVirtue', {}),
        call('care.coverage', {}),
      ]);
      if (!ranking.ok) return ranking;
      if (!shops.ok) return shops;
      const stars = ranking.data.members.filter((m) => m.star);
      return {
        ok: true as const,
        data: {
          month: ranking.data.month,
          closed: ranking.data.closed,
          members: (stars.length > 0 ? stars : ranking.data.members).slice(0, 3).map((m) => m.name),
          shops: shops.data.items.slice(0, 3).map((s) => s.name),
          visits: coverage.ok ? visitTotals(coverage.data.grids) : null,
        },
      };
    },
    kind === 'community' ? 'community' : null,
  );
}

type Visits = { due: number; overdue: number; done: number; events: number };

/** 红黄蓝走访 today, summed over the community's grids; it opens 走访覆盖. Shown whatever the period's numbers. */
function VisitsSection({ visits }: { visits: Visits }) {
  return (
    <Section title="红黄蓝走访" hint="今天的情况，点开看各网格">
      <View className="dash-visits" onClick={() => void Taro.navigateTo({ url: '/package-grid/coverage/index' })}>
        <Text className="dash-honour">
          今天到期 {visits.due} · 已逾期 {visits.overdue} · 本月已走访 {visits.done}
        </Text>
        {visits.events > 0 && <Text className="dash-honour">其中住院、助老、困难等事件回访 {visits.events} 次</Text>}
        <Text className="dash-visits__more">查看各网格走访覆盖 ›</Text>
      </View>
    </Section>
  );
}

function visitTotals(grids: readonly Visits[]): Visits {
  return grids.reduce((t, g) => ({ due: t.due + g.due, overdue: t.overdue + g.overdue, done: t.done + g.done, events: t.events + g.events }), {
    due: 0,
    overdue: 0,
    done: 0,
    events: 0,
  });
}

/** 数据看板 (issue 14): community, street and district staff read the numbers they are judged by, for their place. */
function DashboardPage() {
  const care = useCareMode();
  const [period, setPeriod] = useState<PeriodKind>('month');
  const [custom, setCustom] = useState(() => periodDays('month', serverNow()));
  const [grid, setGrid] = useState('');
  const [category, setCategory] = useState('');
  const days = period === 'custom' ? custom : periodDays(period, serverNow());
  const problem = period === 'custom' ? customProblem(days.from, days.to) : null;
  // The place the person sees (their own, from the first answer); a grid picked narrows it.
  const [home, setHome] = useState<{ id: string; grids: Array<{ id: string; name: string }> } | null>(null);
  const key = problem ? null : `${days.from}|${days.to}|${grid}`;
  const board = useRemote(async () => {
    const reply = await call('report.dashboard', { from: days.from, to: days.to, ...(grid ? { scope: grid } : {}) });
    if (reply.ok && !grid) setHome({ id: reply.data.scope.id, grids: reply.data.grids.map((g) => ({ id: g.id, name: g.name })) });
    return reply;
  }, key);
  usePullRefresh(board.reload);
  const d = board.data;
  const honours = useHonours(home && !grid && d?.scope.kind === 'community' ? 'community' : undefined);

  const link = (metric: Metric, more: Partial<CasesLink> = {}): CasesLink => ({
    scope: home?.id ?? d?.scope.id ?? '',
    from: days.from,
    to: days.to,
    metric,
    ...(grid ? { grid } : {}),
    ...(category ? { category } : {}),
    ...more,
  });

  const filters = (
    <View className="dash-filters">
      <ChipFilter
        options={[
          { value: 'week', label: '本周' },
          { value: 'month', label: '本月' },
          { value: 'custom', label: '自定义' },
        ]}
        value={period}
        onChange={(v) => setPeriod(v as PeriodKind)}
      />
      {period === 'custom' && (
        <View className="dash-filters__days">
          <Picker mode="date" value={custom.from} end={custom.to} onChange={(e) => setCustom({ ...custom, from: String(e.detail.value) })}>
            <Text className="dash-filters__day">从 {custom.from}</Text>
          </Picker>
          <Picker mode="date" value={custom.to} start={custom.from} onChange={(e) => setCustom({ ...custom, to: String(e.detail.value) })}>
            <Text className="dash-filters__day">到 {custom.to}</Text>
          </Picker>
        </View>
      )}
      {problem && <Text className="dash-filters__problem">{problem}</Text>}
      {home && home.grids.length > 1 && (
        <ChipFilter
          options={[{ value: '', label: '全部网格' }, ...home.grids.map((g) => ({ value: g.id, label: g.name }))]}
          value={grid}
          onChange={setGrid}
        />
      )}
      {d && d.categories.length > 0 && (
        <ChipFilter
          options={[{ value: '', label: '全部类别' }, ...d.categories.map((k) => ({ value: k.id, label: k.name }))]}
          value={category}
          onChange={setCategory}
        />
      )}
    </View>
  );

  let body: React.ReactNode;
  if (problem) body = null;
  else if (board.state === 'loading' && !d) body = <Loading text="正在读取统计数字…" />;
  else if (board.state === 'error') body = <ErrorView error={board.error} onRetry={() => void board.reload()} />;
  else if (d && d.countedAt === null)
    body = (
      <Empty
        title="这个时段还没有统计数字"
        hint="诉求和心愿办理后，一两分钟内就会计入这里。可以换一个时段看看，或稍后下拉刷新。"
        action={{ text: '刷新', onClick: () => void board.reload() }}
      />
    );
  else if (d) body = <Numbers d={d} care={care} category={category} link={link} honours={honours.data} />;

  return (
    <PageShell className="dashboard">
      <View className="dash-head">
        <Text className="dash-head__place">{d?.scope.name ?? '数据看板'}</Text>
        <Text className="dash-head__period">
          {days.from} 至 {days.to}
          {board.state === 'loading' && d ? '  正在更新…' : ''}
        </Text>
      </View>
      {filters}
      {body}
      {honours.data?.visits && <VisitsSection visits={honours.data.visits} />}
    </PageShell>
  );
}

function Numbers({
  d,
  care,
  category,
  link,
  honours,
}: {
  d: Dashboard;
  care: boolean;
  category: string;
  link: (metric: Metric, more?: Partial<CasesLink>) => CasesLink;
  honours: { month: string; closed: boolean; members: string[]; shops: string[]; visits: Visits | null } | null;
}) {
  const p = d.petitions;
  const look = { fontSize: care ? 15 : 11, care };
  const chartHeight = (rows: number) => Math.max(care ? 220 : 180, rows * (care ? 44 : 32) + 40);
  const k = category ? d.categories.find((c) => c.id === category) : undefined;
  const trendVersion = JSON.stringify(d.trend) + care;
  const hasRates = d.trend.some((t) => t.onTimeRate !== null || t.satisfactionRate !== null);
  const escalated = sum(p.escalatedFrom);
  const countedAt = d.countedAt ? minuteCst(new Date(d.countedAt)).slice(11) : '';
  return (
    <View className="dash-body">
      <Text className="dash-note">统计数字随办件更新（一两分钟内计入）{countedAt ? `，最近计入于 ${countedAt}` : ''}。点数字可查看对应的诉求。</Text>

      {k ? (
        <Section title={`类别：${k.name}`} hint="按类别只统计本时段的收件、办结、按期与评价">
          <NumberGrid
            items={[
              { label: '收件', value: String(k.received), link: link('received') },
              { label: '办结', value: String(k.resolved), link: link('resolved') },
              { label: '办结率', value: pct(k.resolutionRate), link: link('resolved') },
              { label: '按期办结率', value: pct(k.onTimeRate), link: link('late'), note: '点看逾期办结的' },
              { label: '满意率', value: pct(k.satisfactionRate), note: `${k.rated} 件已评价`, link: link('satisfied') },
            ]}
          />
        </Section>
      ) : (
        <Section title="诉求办理">
          <NumberGrid
            items={[
              { label: '受理', value: String(p.received), note: p.dismissed ? `不予受理 ${p.dismissed}` : undefined, link: link('received') },
              { label: '办结率', value: pct(p.resolutionRate), note: `已办结 ${p.resolved}`, link: link('resolved') },
              { label: '按期办结率', value: pct(p.onTimeRate), note: '点看逾期办结的', link: link('late') },
              { label: '满意率', value: pct(p.satisfactionRate), note: `满意+基本满意，${p.rated} 件已评`, link: link('satisfied') },
              { label: '平均办理时长', value: hours(p.averageHours) },
              { label: '九成在此时间内办结', value: hours(p.p90Hours) },
              { label: '就地解决', value: String(p.onSpot), note: pct(p.onSpotRate), link: link('onSpot') },
              { label: '吹哨上报', value: String(escalated), link: link('escalated') },
              { label: '不满意', value: String(p.rated - Math.round((p.satisfactionRate ?? 0) * p.rated)), link: link('dissatisfied') },
              { label: '未评价', value: String(p.unrated), link: link('unrated') },
            ]}
          />
        </Section>
      )}

      <Section
        title="当前在办与逾期"
        hint={`此刻仍在办理的诉求（在哪一级），以及超过期限被自动上报的（按误期的层级）${category ? '；不分类别' : ''}`}
      >
        <View className="dash-table">
          <View className="dash-table__row dash-table__row--head">
            <Text className="dash-table__cell">层级</Text>
            <Text className="dash-table__cell">在办</Text>
            <Text className="dash-table__cell">逾期</Text>
          </View>
          {petitionLevels.map((level: PetitionLevel) => (
            <View key={level} className="dash-table__row">
              <Text className="dash-table__cell">{levelLabels[level]}</Text>
              <Text
                className="dash-table__cell dash-table__cell--link"
                onClick={() => void Taro.navigateTo({ url: casesUrl(link('openNow', { level })) })}
              >
                {d.now.open[level]}
              </Text>
              <Text
                className={`dash-table__cell dash-table__cell--link${d.now.overdue[level] ? ' is-warn' : ''}`}
                onClick={() => void Taro.navigateTo({ url: casesUrl(link('overdueNow', { level })) })}
              >
                {d.now.overdue[level]}
              </Text>
            </View>
          ))}
          {d.now.departments.map((dep) => (
            <View key={dep.id} className="dash-table__row">
              <Text className="dash-table__cell">{dep.name}</Text>
              <Text
                className="dash-table__cell dash-table__cell--link"
                onClick={() => void Taro.navigateTo({ url: casesUrl(link('openNow', { department: dep.id })) })}
              >
                {dep.open}
              </Text>
              <Text
                className={`dash-table__cell dash-table__cell--link${dep.overdue ? ' is-warn' : ''}`}
                onClick={() => void Taro.navigateTo({ url: casesUrl(link('overdueNow', { department: dep.id })) })}
              >
                {dep.overdue}
              </Text>
            </View>
          ))}
        </View>
      </Section>

      <Section
        title="督办黄牌与红牌"
        hint={`本时段发出的督办牌（按发牌时诉求所在的层级、职能部门）：黄牌提醒临近时限，红牌已报上一级和督办员${category ? '；不分类别' : ''}`}
      >
        <View className="dash-table" data-section="cards">
          <View className="dash-table__row dash-table__row--head">
            <Text className="dash-table__cell">层级</Text>
            <Text className="dash-table__cell">黄牌</Text>
            <Text className="dash-table__cell">红牌</Text>
          </View>
          {petitionLevels.map((level: PetitionLevel) => (
            <View key={level} className="dash-table__row">
              <Text className="dash-table__cell">{levelLabels[level]}</Text>
              <Text className="dash-table__cell">{p.cards.yellow[level]}</Text>
              <Text className={`dash-table__cell${p.cards.red[level] ? ' is-warn' : ''}`}>{p.cards.red[level]}</Text>
            </View>
          ))}
          {p.departmentCards.map((dep) => (
            <View key={dep.id} className="dash-table__row">
              <Text className="dash-table__cell">{dep.name}</Text>
              <Text className="dash-table__cell">{dep.yellow}</Text>
              <Text className={`dash-table__cell${dep.red ? ' is-warn' : ''}`}>{dep.red}</Text>
            </View>
          ))}
        </View>
      </Section>

      <Section title="近12个月趋势" hint="每月受理与办结的诉求">
        <F2Chart
          id="dash-trend"
          label="近12个月受理与办结"
          height={care ? 260 : 200}
          version={trendVersion}
          chart={() => trendChart(d.trend, look)}
        />
        {hasRates && (
          <F2Chart
            id="dash-rates"
            label="近12个月按期办结率与满意率"
            height={care ? 240 : 180}
            version={trendVersion}
            chart={() => satisfactionChart(d.trend, look)}
          />
        )}
      </Section>

      {d.categories.length > 0 && (
        <Section title="类别分布" hint="本时段受理的诉求按类别">
          <F2Chart
            id="dash-categories"
            label="诉求类别分布"
            height={chartHeight(d.categories.length)}
            version={JSON.stringify(d.categories) + care}
            chart={() => categoryChart(d.categories, look)}
          />
        </Section>
      )}

      {d.grids.length > 0 && (
        <Section title="网格排名" hint="按期办结率，其次满意率">
          <F2Chart
            id="dash-grids"
            label="网格按期办结率排名"
            height={chartHeight(d.grids.length)}
            version={JSON.stringify(d.grids) + care}
            chart={() => gridChart(d.grids, look)}
          />
          {d.grids.map((g, i) => (
            <View key={g.id} className="dash-rank" onClick={() => void Taro.navigateTo({ url: casesUrl(link('received', { grid: g.id })) })}>
              <Text className="dash-rank__no">{i + 1}</Text>
              <Text className="dash-rank__name">{g.name}</Text>
              <Text className="dash-rank__line">
                受理 {g.received} · 办结 {g.resolved} · 按期 {pct(g.onTimeRate)} · 满意 {pct(g.satisfactionRate)}
              </Text>
            </View>
          ))}
        </Section>
      )}

      <Section title="微心愿与志愿服务">
        <NumberGrid
          items={[
            { label: '新心愿', value: String(d.wishes.created), link: link('wishes') },
            { label: '已认领', value: String(d.wishes.claimed), note: `平均等待 ${hours(d.wishes.averageWaitHours)}` },
            { label: '已完成', value: String(d.wishes.completed), note: `已确认 ${d.wishes.confirmed}` },
            { label: '志愿服务时长', value: `${Math.round(d.volunteerHours * 10) / 10}小时` },
            { label: '发放积分', value: String(sum(d.points.issued)) },
            { label: '兑换积分', value: String(sum(d.points.redeemed)) },
          ]}
        />
      </Section>

      {honours && (
        <Section title={`${Number(honours.month.slice(5))}月之星`} hint={honours.closed ? undefined : '该月还没有结算，名单按当前积分'}>
          <Text className="dash-honour">明星党员：{honours.members.length ? honours.members.join('、') : '暂无'}</Text>
          <Text className="dash-honour">美德商铺：{honours.shops.length ? honours.shops.join('、') : '暂无'}</Text>
        </Section>
      )}
    </View>
  );
}

export default DashboardPage;
