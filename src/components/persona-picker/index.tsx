import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { roleLabels } from '../../shared/domain/roles';
import { choosePersona, fetchPersonas, type Persona } from '../../services/persona';
import { usePersona } from '../../hooks/use-persona';
import { BottomSheet } from '../bottom-sheet';
import { ErrorView, Loading } from '../state-view';
import './index.scss';

/** A WeChat user the emulator has never seen: a fresh openid each time, so every visit starts as a stranger. */
function newVisitor(): Persona {
  return { openid: `visitor-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`, name: '新访客', roles: [], orgUnits: [], note: '' };
}

/** The seeded demo users (H5 dev only); picking one makes every later call act as them. */
export function PersonaList({ onPicked }: { onPicked?: (persona: Persona) => void }) {
  const current = usePersona();
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [failed, setFailed] = useState(false);

  function load() {
    setFailed(false);
    fetchPersonas().then(setPersonas, () => setFailed(true));
  }
  useEffect(load, []);

  if (failed) return <ErrorView error={{ code: 'INTERNAL', message: '读取演示身份失败，请确认本地模拟器（npm start）正在运行' }} onRetry={load} />;
  if (!personas) return <Loading />;
  return (
    <View className="cells persona-list">
      <View
        className="cell persona-list__item persona-list__visitor"
        onClick={() => {
          const visitor = newVisitor();
          choosePersona(visitor);
          onPicked?.(visitor);
        }}
      >
        <View className="cell__body">
          <Text className="persona-list__name">新访客</Text>
          <Text className="persona-list__note">还没有加入社区的微信用户：看到欢迎页，可以扫楼栋码加入</Text>
        </View>
      </View>
      {personas.map((p) => (
        <View
          key={p.openid}
          className={`cell persona-list__item${p.openid === current?.openid ? ' is-current' : ''}`}
          data-openid={p.openid}
          onClick={() => {
            choosePersona(p);
            onPicked?.(p);
          }}
        >
          <View className="cell__body">
            <View className="persona-list__head">
              <Text className="persona-list__name">{p.name}</Text>
              {p.roles.map((r) => (
                <Text key={r} className="tag">
                  {roleLabels[r]}
                </Text>
              ))}
            </View>
            <Text className="persona-list__note">{[p.orgUnits.map((u) => u.name).join(' · '), p.note].filter(Boolean).join(' — ')}</Text>
          </View>
          {p.openid === current?.openid && <Text className="persona-list__check">当前</Text>}
        </View>
      ))}
    </View>
  );
}

/** A bottom sheet with the list, opened from the floating chip on any page. */
export function PersonaSheet({ onClose }: { onClose: () => void }) {
  return (
    <BottomSheet title="切换演示身份" hint="仅本地演示环境可用：选择一位居民、党员或工作人员来体验对应功能。" onClose={onClose}>
      <PersonaList onPicked={onClose} />
    </BottomSheet>
  );
}
