import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BottomSheet } from '../../components/bottom-sheet';
import { FormField } from '../../components/form-field';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { roleLabels, type Role } from '../../shared/domain/roles';
import './index.scss';

export type Person = Output<'user.listPeople'>['items'][number];

/** 选人: search the community's registered people by name, optionally only those of one role. */
function PersonSheet({ role, onPick, onClose }: { role?: Role; onPick: (p: Person) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  const people = usePagedList(
    (offset) => call('user.listPeople', { ...(q ? { query: q } : {}), ...(role ? { role } : {}), offset, limit: 20 }),
    `${role ?? ''}:${q}`,
  );
  return (
    <BottomSheet title={`选择${role ? roleLabels[role] : '居民/党员'}`} hint="输入姓名中的一个字即可搜索，只列出本社区登记的人。" onClose={onClose}>
      <View className="person-search">
        <Input
          className="person-search__input"
          value={query}
          maxlength={20}
          placeholder="搜索姓名"
          placeholderClass="input-placeholder"
          onInput={(e) => setQuery(e.detail.value)}
        />
      </View>
      <PagedListView
        list={people}
        keyOf={(p) => p.id}
        render={(p) => (
          <View className="cell person-option" data-person={p.name} onClick={() => onPick(p)}>
            <View className="cell__body">
              <Text className="person-option__name">{p.name}</Text>
              {p.roles.map((r) => (
                <Text key={r} className="tag person-option__role">
                  {roleLabels[r]}
                </Text>
              ))}
            </View>
            <Text className="person-option__where">{[p.gridName, p.buildingName].filter(Boolean).join(' · ') || p.phone}</Text>
          </View>
        )}
        empty={<Empty title={q ? `没有找到“${q}”` : '本社区还没有登记的人'} hint={q ? '换个字再试，或确认对方已在社区登记。' : undefined} />}
      />
    </BottomSheet>
  );
}

interface Props {
  label: string;
  role?: Role;
  value: Person | null;
  onChange: (p: Person) => void;
  error?: string;
}

/** A form row that names the chosen person (with their masked phone) and opens the search sheet. */
export function PersonField({ label, role, value, onChange, error }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <FormField label={label} error={error}>
      <View className={`person-field${value ? '' : ' is-placeholder'}`} onClick={() => setOpen(true)}>
        {value ? `${value.name}（${value.phone}）` : `点此搜索并选择${role ? roleLabels[role] : '居民/党员'}`}
      </View>
      {open && (
        <PersonSheet
          role={role}
          onPick={(p) => {
            onChange(p);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </FormField>
  );
}
