import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { monthLabel } from '../../utils/month';
import { numberRows, percent, trend, type Bulletin } from './format';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="bulletin-section">
      <Text className="section-title">{title}</Text>
      <View className="card bulletin-card">{children}</View>
    </View>
  );
}

/** What the bulletin says, the same for the staff's preview and the residents' reading. */
export function BulletinBody({ bulletin }: { bulletin: Bulletin }) {
  const { content: c } = bulletin;
  return (
    <View className="bulletin">
      {bulletin.note && (
        <Section title="社区寄语">
          <Text className="bulletin__note">{bulletin.note}</Text>
        </Section>
      )}
      <Section title="本月数字">
        <View className="bulletin-row bulletin-row--head">
          <Text className="bulletin-row__label">项目</Text>
          <Text className="bulletin-row__now">{monthLabel(bulletin.month).slice(5)}</Text>
          <Text className="bulletin-row__before">{monthLabel(c.previousMonth).slice(5)}</Text>
        </View>
        {numberRows.map((row) => {
          const t = trend(row.value(c.current), row.value(c.previous), row.lowerIsBetter);
          return (
            <View key={row.label} className="bulletin-row">
              <Text className="bulletin-row__label">{row.label}</Text>
              <Text className="bulletin-row__now">
                {row.show(c.current)}
                {t && <Text className={t.good ? 'bulletin-up' : 'bulletin-down'}> {t.mark}</Text>}
              </Text>
              <Text className="bulletin-row__before">{row.show(c.previous)}</Text>
            </View>
          );
        })}
      </Section>
      <Section title="网格排名">
        {c.grids.length === 0 ? (
          <Text className="bulletin__empty">本月各网格没有收到诉求</Text>
        ) : (
          c.grids.map((g, i) => (
            <View key={g.id} className="bulletin-item">
              <Text className="bulletin-item__rank">{i + 1}</Text>
              <View className="bulletin-item__body">
                <Text className="bulletin-item__name">{g.name}</Text>
                <Text className="bulletin-item__line">
                  收到 {g.received} 件 · 办结 {g.resolved} 件 · 按期 {percent(g.onTimeRate)} · 满意 {percent(g.satisfactionRate)}
                </Text>
              </View>
            </View>
          ))
        )}
      </Section>
      <Section title="超期情况">
        {c.overdueByLevel.length === 0 && c.overdueByDepartment.length === 0 ? (
          <Text className="bulletin__empty">本月没有超期未办的诉求</Text>
        ) : (
          <>
            {c.overdueByLevel.map((o) => (
              <Text key={o.level} className="bulletin-line">
                {o.label}一级超期上移 {o.count} 件
              </Text>
            ))}
            {c.overdueByDepartment.map((o) => (
              <Text key={o.id} className="bulletin-line">
                {o.name}超期 {o.count} 件
              </Text>
            ))}
          </>
        )}
      </Section>
      <Section title="明星党员">
        {c.stars.length === 0 ? (
          <Text className="bulletin__empty">本月没有评出明星党员</Text>
        ) : (
          c.stars.map((s) => (
            <Text key={s.name} className="bulletin-line">
              ★ {s.name}　{s.points} 分
            </Text>
          ))
        )}
        {!c.starsFinal && c.stars.length > 0 && <Text className="bulletin__hint">按生成月报时的党员积分排名，月度结算后以结算为准</Text>}
      </Section>
      <Section title="美德商铺">
        {c.shops.length === 0 ? (
          <Text className="bulletin__empty">暂无美德商铺</Text>
        ) : (
          c.shops.map((s) => (
            <Text key={s.name} className="bulletin-line">
              {s.name}　{'★'.repeat(s.stars)} {s.level}
            </Text>
          ))
        )}
      </Section>
      <Section title="感谢志愿者">
        {c.volunteers.length === 0 ? (
          <Text className="bulletin__empty">本月还没有志愿服务记录</Text>
        ) : (
          <>
            <Text className="bulletin__hint">感谢本月服务最多的志愿者：</Text>
            {c.volunteers.map((v) => (
              <View key={v.name} className="bulletin-item">
                <View className="bulletin-item__body">
                  <Text className="bulletin-item__name">{v.name}</Text>
                  <Text className="bulletin-item__line">
                    {[v.hours > 0 ? `值班 ${v.hours} 小时` : '', v.wishes > 0 ? `完成 ${v.wishes} 个心愿` : ''].filter(Boolean).join('，')}
                  </Text>
                </View>
              </View>
            ))}
          </>
        )}
      </Section>
    </View>
  );
}
