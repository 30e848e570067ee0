import { Button, Input, Switch, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../choice-chips';
import { FormField } from '../form-field';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { lengthCount } from '../../utils/form-errors';
import './index.scss';

export type RosterPick = Output<'roster.list'>['items'][number];

/** A parent the caller is the active 代办人 of: the binding's id and the parent's name (helper.list). */
export interface ParentPick {
  id: string;
  name: string;
}

export interface Proxy {
  on: boolean;
  /** 代办人: the binding of the parent picked; null when filing as grid worker or staff. */
  parent: string | null;
  /** The 人口台账 person picked (the usual way); null while none is, or when filing by name instead. */
  picked: RosterPick | null;
  /**
   * 今日走访 → 发现问题 at a home whose person has an account but no roster key: `picked` shows them, and the
   * action gets their id (the server checks the caller may file for them, as for a roster pick).
   */
  residentId: string | null;
  /** 台账里没有: a resident not on the roster, by name (and an optional phone). */
  byName: boolean;
  name: string;
  phone: string;
}

/**
 * 我的家庭 → 为TA发心愿 / 反映问题 opens a form with the parent's binding and name (`?helper=…&parent=…`), so the form
 * needs no read of its own to offer them.
 */
export function parentsFrom(params: Record<string, string | undefined>): ParentPick[] {
  return params.helper ? [{ id: params.helper, name: decodeURIComponent(params.parent ?? '') || '家人' }] : [];
}

export const noProxy: Proxy = { on: false, parent: null, picked: null, residentId: null, byName: false, name: '', phone: '' };

/**
 * How a form opens: 我的 → 代办 (`proxy=1`), 我的家庭 → 为TA (`helper`, `parent`), or 今日走访 → 发现问题 (`rosterKey`
 * or, for a registered resident not on the roster, `residentId`; `name`, `place`: the person of the visited home,
 * preselected — the server checks the key or id as for any pick).
 */
export function proxyFrom(params: Record<string, string | undefined>, parents: readonly ParentPick[]): Proxy {
  const parent = parents[0]?.id ?? null;
  if (params.rosterKey || params.residentId) {
    const decode = (v: string | undefined) => decodeURIComponent(v ?? '');
    const residentId = params.rosterKey ? null : decode(params.residentId);
    const picked: RosterPick = {
      id: residentId ?? decode(params.rosterKey),
      name: decode(params.name),
      phone: null,
      gridId: '',
      gridName: '',
      buildingId: '',
      buildingName: decode(params.place),
      unit: '',
      room: '',
      tags: [],
      linked: residentId !== null,
    };
    return { ...noProxy, on: true, picked, residentId };
  }
  return { ...noProxy, on: params.proxy === '1' || parents.length > 0, parent };
}

/** What the create action gets for the proxy: the parent's binding, the roster key, or the typed name and phone. */
export function proxyInput(
  p: Proxy,
): { helperBinding: string } | { rosterKey: string } | { residentId: string } | { name: string; phone?: string } | undefined {
  if (!p.on) return undefined;
  if (p.parent) return { helperBinding: p.parent };
  if (p.residentId && p.picked) return { residentId: p.residentId };
  if (!p.byName) return { rosterKey: p.picked?.id ?? '' };
  return { name: p.name, ...(p.phone.trim() ? { phone: p.phone } : {}) };
}

interface Props {
  value: Proxy;
  /** Grid workers and community staff: pick from the 人口台账 of their place. */
  organiser: boolean;
  /** Filing by a typed name (someone on no list): petitions by grid workers only. */
  byNameAllowed: boolean;
  /** The parents the caller is the active 代办人 of. */
  parents: readonly ParentPick[];
  /** "反映" or "发布": what the filer does for the person, in the switch's hint. */
  verb: string;
  /** The form's message for a field path ("onBehalfOf.name"), see useFieldErrors. */
  errorOf: (field: string) => string | undefined;
  onBlur: () => void;
  onChange: (proxy: Proxy) => void;
}

/**
 * 代办: a grid worker or community staff files for a resident without a phone, picked from the 人口台账 of their
 * place by name (the case goes to that person's building and becomes theirs if they join later); a 代办人 files for
 * a parent who consented. Either way it is recorded as filed by the caller, never as the person.
 */
export function ProxyFields({ value, organiser, byNameAllowed, parents, verb, errorOf, onBlur, onChange }: Props) {
  const onlyHelper = !organiser;
  const title = onlyHelper ? '为家人代办' : '红色代办';
  const hint = onlyHelper ? `替你代办的老人${verb}，记在老人名下，进展由你转告` : `替没有手机的居民${verb}，进展由你转告`;
  const toggle = (on: boolean) => onChange({ ...value, on, parent: on && onlyHelper && parents.length === 1 ? parents[0].id : value.parent });
  return (
    <View className="proxy-fields">
      <View className="form-field proxy-fields__switch">
        <View className="proxy-fields__switch-text">
          <Text className="proxy-fields__switch-title">{title}</Text>
          <Text className="proxy-fields__switch-hint">{hint}</Text>
        </View>
        <Switch checked={value.on} color="#07c160" onChange={(e) => toggle(e.detail.value)} />
      </View>
      {value.on && parents.length > 0 && (
        <FormField label="为哪位老人代办" hint="老人已同意你做代办人；地点按老人的登记" error={value.parent ? undefined : errorOf('onBehalfOf')}>
          <View className="proxy-fields__parents">
            <ChoiceChips
              name="parent"
              choices={[...parents.map((p) => ({ value: p.id, label: p.name })), ...(organiser ? [{ value: '', label: '辖区居民（台账）' }] : [])]}
              value={value.parent ?? ''}
              onChange={(id) => onChange({ ...value, parent: id || null })}
            />
          </View>
        </FormField>
      )}
      {value.on && !value.parent && organiser && (
        <RosterFields value={value} byNameAllowed={byNameAllowed} errorOf={errorOf} onBlur={onBlur} onChange={onChange} />
      )}
    </View>
  );
}

type Search = { state: 'idle' } | { state: 'loading' } | { state: 'done'; items: RosterPick[] } | { state: 'error'; message: string };

function RosterFields({ value, byNameAllowed, errorOf, onBlur, onChange }: Omit<Props, 'organiser' | 'parents' | 'verb'>) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });

  async function find() {
    const name = query.trim();
    if (!name || search.state === 'loading') return;
    setSearch({ state: 'loading' });
    const reply = await call('roster.list', { name, limit: 10 });
    setSearch(reply.ok ? { state: 'done', items: reply.data.items } : { state: 'error', message: reply.message });
  }

  const rosterError = errorOf('onBehalfOf.rosterKey') ?? errorOf('onBehalfOf');
  if (value.byName && byNameAllowed)
    return (
      <>
        <FormField
          label="居民姓名"
          count={lengthCount(value.name, 20)}
          error={errorOf('onBehalfOf.name') ?? (errorOf('onBehalfOf.phone') ? undefined : errorOf('onBehalfOf'))}
        >
          <Input
            className="proxy-fields__input proxy-fields__name"
            value={value.name}
            maxlength={20}
            onBlur={onBlur}
            placeholder="例如：王秀英"
            placeholderClass="input-placeholder"
            onInput={(e) => onChange({ ...value, name: e.detail.value })}
          />
          <Text className="proxy-fields__link" onClick={() => onChange({ ...value, byName: false })}>
            改为从台账选择
          </Text>
        </FormField>
        <FormField label="联系电话（可选）" hint="家人或邻居的电话也可以" error={errorOf('onBehalfOf.phone')}>
          <Input
            className="proxy-fields__input"
            type="number"
            value={value.phone}
            maxlength={11}
            onBlur={onBlur}
            placeholder="11 位手机号"
            placeholderClass="input-placeholder"
            onInput={(e) => onChange({ ...value, phone: e.detail.value })}
          />
        </FormField>
      </>
    );
  return (
    <FormField label="代办的居民" hint="从人口台账里按姓名查找，地点就是他家的楼栋" error={value.picked ? undefined : rosterError}>
      {value.picked ? (
        <View className="proxy-fields__picked">
          <View>
            <Text className="proxy-fields__picked-name">{value.picked.name}</Text>
            <Text className="proxy-fields__picked-place">
              {value.picked.buildingName} {value.picked.unit ? `${value.picked.unit}单元` : ''}
              {value.picked.room}
            </Text>
          </View>
          <Button className="proxy-fields__small-btn" onClick={() => onChange({ ...value, picked: null, residentId: null })}>
            换一位
          </Button>
        </View>
      ) : (
        <>
          <View className="proxy-fields__search">
            <Input
              className="proxy-fields__input proxy-fields__name"
              value={query}
              maxlength={20}
              confirmType="search"
              onBlur={onBlur}
              onConfirm={() => void find()}
              placeholder="输入居民全名，例如：王秀英"
              placeholderClass="input-placeholder"
              onInput={(e) => setQuery(e.detail.value)}
            />
            <Button
              className="proxy-fields__small-btn proxy-fields__find"
              type="primary"
              disabled={!query.trim()}
              loading={search.state === 'loading'}
              onClick={() => void find()}
            >
              在台账中查找
            </Button>
          </View>
          {search.state === 'error' && <Text className="proxy-fields__search-note">查找失败：{search.message}</Text>}
          {search.state === 'done' && search.items.length === 0 && (
            <Text className="proxy-fields__search-note">
              你负责的台账里没有“{query.trim()}”。请核对全名{byNameAllowed ? '，或按姓名登记' : ''}。
            </Text>
          )}
          {search.state === 'done' &&
            search.items.map((r) => (
              <View key={r.id} className="proxy-fields__roster-row" onClick={() => onChange({ ...value, picked: r })}>
                <Text className="proxy-fields__picked-name">{r.name}</Text>
                <Text className="proxy-fields__picked-place">
                  {r.buildingName} {r.unit ? `${r.unit}单元` : ''}
                  {r.room}
                  {r.linked ? ' · 已入驻' : ''}
                </Text>
              </View>
            ))}
        </>
      )}
      {byNameAllowed && (
        <Text className="proxy-fields__link" onClick={() => onChange({ ...value, byName: true, picked: null, residentId: null })}>
          台账里没有这位居民？按姓名登记
        </Text>
      )}
    </FormField>
  );
}
