import { Text, View } from '@tarojs/components';
import { levelLabels, type PetitionLevel } from '../../shared/domain/petition-ladder';
import type { PetitionDetail } from '../../utils/petition-actions';
import { countdown } from '../../utils/petition-clock';
import { ladderRungs, rungLabels } from '../../utils/petition-rungs';
import { dueWhat } from '../../utils/petition-text';
import { formatDateTime } from '../../utils/date-time';
import './index.scss';

interface Props {
  petition: PetitionDetail;
  /** The server's clock (see useServerClock): every countdown counts from it. */
  now: number;
}

/**
 * A rung is narrow: the time alone for today, else the day over the time, each on its own line. A date is kept in
 * its words (12月 5日), so where it does not fit (关怀模式) it breaks after the month, never inside a number.
 */
function RungTime({ iso, now }: { iso: string; now: number }) {
  const [day, time] = formatDateTime(iso, now).split(' ');
  return (
    <View className="ladder__when">
      {day !== '今天' && (
        <Text className="ladder__when-day">
          {(day.match(/\d+[年月日]/g) ?? [day]).map((word) => (
            <Text key={word} className="ladder__word">
              {word}
            </Text>
          ))}
        </Text>
      )}
      <Text className="ladder__when-time">{time}</Text>
    </View>
  );
}

/** 网格预警 as 网格 + 预警: the place, then what it does there. */
const mottoWords = (level: PetitionLevel) => {
  const { name, motto } = rungLabels[level];
  return [name, motto.slice(name.length)];
};

/**
 * A label of two words that never splits inside a word: on one line where the rung is wide enough, else one word
 * over the other (关怀模式's larger text at 375 px) — never running into the next rung.
 */
function Words({ className, words }: { className: string; words: string[] }) {
  return (
    <View className={className}>
      {words.map((w) => (
        <Text key={w} className="ladder__word">
          {w}
        </Text>
      ))}
    </View>
  );
}

/** 网格 → 社区 → 街道 → 部门 → 区级: where the case stands, who holds it, and what is due by when. */
export function PetitionLadder({ petition: p, now }: Props) {
  const rungs = ladderRungs(p);
  const closed = p.status === 'closed';
  return (
    <View className="card ladder">
      <View className="ladder__rungs">
        {rungs.map((r) => (
          <View key={r.level} className={`ladder__rung is-${r.state}${closed && r.state === 'current' ? ' is-final' : ''}`} data-level={r.level}>
            <View className="ladder__track">
              <View className="ladder__dot">{r.state === 'passed' || (closed && r.state === 'current') ? '✓' : ''}</View>
            </View>
            <Words className="ladder__name" words={mottoWords(r.level)} />
            {r.arrivedAt && <RungTime iso={r.arrivedAt} now={now} />}
            {r.automatic && <Words className="ladder__auto" words={['自动', '升级']} />}
          </View>
        ))}
      </View>
      <Holder petition={p} />
      {!closed && <DueLine petition={p} now={now} />}
      <FeedbackPromise petition={p} now={now} />
    </View>
  );
}

function Holder({ petition: p }: { petition: PetitionDetail }) {
  const unit = p.holder.unitName || levelLabels[p.level];
  return (
    <View className="ladder__holder">
      <Text className="ladder__holder-label">{p.status === 'closed' ? '办结单位' : '当前承办'}</Text>
      <Text className="ladder__holder-unit">{unit}</Text>
      {p.holder.handlerName && <Text className="ladder__holder-name">承办人 {p.holder.handlerName}</Text>}
    </View>
  );
}

/** The current step's deadline: the holder's to take or settle it, the verification, or the resident's rating. */
function DueLine({ petition: p, now }: Props) {
  const what = dueWhat(p);
  if (!what || !p.dueAt) return null;
  const left = countdown(p.dueAt, now);
  // 待验证: the grid worker or the resident verifies it by then, or it passes on to the rating unverified.
  const who = p.status === 'resolved' ? '请在' : p.status === 'verifying' ? '须在' : `${levelLabels[p.level]}须在`;
  return (
    <>
      <View className={`ladder__due${left.overdue ? ' is-overdue' : ''}`}>
        <Text>
          {who} {formatDateTime(p.dueAt, now)} 前{what}
        </Text>
        <Text className="ladder__left">{left.text}</Text>
      </View>
      {/* An approved 延期申请 moved the deadline above: said so, for the resident too. */}
      {p.extendedUntil && (
        <Text className="ladder__extended" data-testid="extended-until">
          已批准延期，办理期限延至 {formatDateTime(p.extendedUntil, now)}
        </Text>
      )}
    </>
  );
}

/** 周反馈: the first feedback the resident was promised at filing, counted down until it came. */
function FeedbackPromise({ petition: p, now }: Props) {
  const given = p.feedback.at;
  const left = given ? null : countdown(p.feedback.dueAt, now);
  return (
    <View className={`ladder__promise${left?.overdue ? ' is-overdue' : given ? ' is-kept' : ''}`}>
      <Text className="ladder__promise-title">反馈承诺</Text>
      {given ? (
        <Text className="ladder__promise-text">已于 {formatDateTime(given, now)} 反馈办理结果</Text>
      ) : (
        <Text className="ladder__promise-text">
          {formatDateTime(p.feedback.dueAt, now)} 前给你答复 · <Text className="ladder__promise-left">{left?.text}</Text>
        </Text>
      )}
    </View>
  );
}
